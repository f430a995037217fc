//! Where the person is in the wizard, saved so a later run resumes there.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Screen {
    #[default]
    Home,
    Identify,
    Decide,
    Steps,
    Checklist,
    Deadlines,
    Summary,
}

impl Screen {
    pub const JOURNEY: [Screen; 7] = [
        Screen::Home,
        Screen::Identify,
        Screen::Decide,
        Screen::Steps,
        Screen::Checklist,
        Screen::Deadlines,
        Screen::Summary,
    ];
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Journey {
    #[serde(default)]
    pub screen: Screen,
    /// The subscription the screen is about, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription: Option<String>,
}

impl Journey {
    pub fn is_home(&self) -> bool {
        self.screen == Screen::Home && self.subscription.is_none()
    }
}
