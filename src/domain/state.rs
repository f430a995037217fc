//! What the person has told us, as saved in the state file (SPEC §5).
//! Plain data: the rules that give it meaning live in `deadlines`,
//! `checklist` and `actions`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::journey::Journey;
use super::plan::{AccountDecision, Channel, Decision, PlanKind, Region};

/// The version this build writes. It reads this one and every older one.
/// Version 3 holds several accounts (`[[accounts]]`); 2 and 1 held one (`[account]`).
pub const SCHEMA_VERSION: u32 = 3;
/// The oldest version this build still reads (and rewrites as `SCHEMA_VERSION`).
pub const OLDEST_SCHEMA_VERSION: u32 = 1;
/// Limits every value meets, checked on input and when a file is read, so a
/// file this build writes is always one it reads back (SPEC §5).
pub use super::text_limits::{MAX_LABEL_CHARS, MAX_NOTE_CHARS};
pub const TRIAL_DAYS: std::ops::RangeInclusive<u32> = 1..=31;
/// The longest export folder kept (PATH_MAX on Linux).
pub const MAX_FOLDER_BYTES: usize = 4096;
/// Reserved for rows about the account as a whole.
pub const ACCOUNT_ID: &str = "account";
/// The id of the first account, the one a version-1 or version-2 file held.
pub const FIRST_ACCOUNT: &str = "a1";
/// How an account is named while it is the only one.
pub const ACCOUNT_WORDS: &str = "Coursera account";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    pub schema_version: u32,
    /// The number of the next subscription id (`s{next_id}`); ids are never reused.
    #[serde(default = "first_id")]
    pub next_id: u32,
    /// The number of the next account id (`a{next_account_id}`); never reused.
    #[serde(default = "second_id")]
    pub next_account_id: u32,
    /// Where the person lives; one answer for every account (None until answered: counts as elsewhere).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    #[serde(default, skip_serializing_if = "Journey::is_home")]
    pub journey: Journey,
    /// The account the wizard's account pages are about (Decide, Steps,
    /// Checklist), once there are several; None or gone: the first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_focus: Option<String>,
    /// The folder the wizard last exported to: the next export's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_folder: Option<String>,
    /// Version 1's and 2's single `[account]`, read only to migrate it to
    /// `accounts` (see [`State::migrate`]); never written.
    #[serde(default, skip_serializing, rename = "account")]
    pub legacy_account: Option<Account>,
    /// Every Coursera account the person has, in the order added; never empty.
    #[serde(default)]
    pub accounts: Vec<Account>,
    #[serde(default)]
    pub subscriptions: Vec<Subscription>,
}

fn first_id() -> u32 {
    1
}

fn second_id() -> u32 {
    2
}

impl Default for State {
    fn default() -> Self {
        State {
            schema_version: SCHEMA_VERSION,
            next_id: 1,
            next_account_id: 2,
            region: None,
            journey: Journey::default(),
            account_focus: None,
            export_folder: None,
            legacy_account: None,
            accounts: vec![Account::new(FIRST_ACCOUNT.to_string(), None)],
            subscriptions: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subscription {
    pub id: String,
    /// The account that pays for it (`a1`, …); absent only in files of version 1 and 2.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub account: String,
    /// Added in the wizard while there are several accounts, and the person
    /// has not said which one pays yet (`account` is then the first, a guess
    /// the screens do not present as an answer).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub account_unknown: bool,
    #[serde(deserialize_with = "checked::label")]
    pub label: String,
    /// None while the person is not sure yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_date")]
    pub started: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_earned: Option<bool>,
    /// A free trial's length in days, when the person gave one (absent: the policy's default).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "checked::trial_days"
    )]
    pub trial_days: Option<u32>,
    /// A trial that was not cancelled and became this paid plan on `started`:
    /// the day the trial began. That first charge is not refundable, and the
    /// EU/UK withdrawal counts from this day.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_date")]
    pub trial_started: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_date")]
    pub cancelled_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_date")]
    pub refund_requested_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_date")]
    pub refund_received_on: Option<NaiveDate>,
    /// Chosen in the wizard: cancel *and* ask for a refund, so its steps
    /// lead with the refund (a plain cancel lists them after the cancel).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub refund_wanted: bool,
    /// Version 1's mark of a converted trial, read only to migrate it to
    /// `trial_started` (see [`State::migrate`]); never written.
    #[serde(default, skip_serializing)]
    pub converted_from_trial: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pause: Option<Pause>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemRecord>,
}

impl Subscription {
    pub fn new(id: String, label: String) -> Subscription {
        Subscription {
            id,
            account: FIRST_ACCOUNT.to_string(),
            account_unknown: false,
            label,
            plan: None,
            channel: None,
            started: None,
            certificate_earned: None,
            trial_days: None,
            trial_started: None,
            decision: None,
            cancelled_on: None,
            refund_requested_on: None,
            refund_received_on: None,
            refund_wanted: false,
            converted_from_trial: false,
            pause: None,
            items: Vec::new(),
        }
    }

    /// Every question answered: the plan can have deadlines. A trial has no
    /// certificate question (none can be earned during one).
    pub fn is_complete(&self) -> bool {
        self.plan.is_some()
            && self.channel.is_some()
            && self.started.is_some()
            && (self.certificate_earned.is_some() || self.plan == Some(PlanKind::FreeTrial))
    }

    pub fn certificate(&self) -> bool {
        self.certificate_earned.unwrap_or(false)
    }

    /// A trial that became this paid plan (its first charge is `started`).
    pub fn converted_from_trial(&self) -> bool {
        self.trial_started.is_some() && self.plan != Some(PlanKind::FreeTrial)
    }

    /// The length in force of a free trial: the person's, else the policy's.
    pub fn trial_length(&self, default_days: i64) -> i64 {
        self.trial_days.map_or(default_days, i64::from)
    }

    pub fn item(&self, id: &str) -> Option<&ItemRecord> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn item_mut(&mut self, id: &str) -> &mut ItemRecord {
        item_mut(&mut self.items, id)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pause {
    #[serde(with = "date")]
    pub from: NaiveDate,
    pub months: u32,
}

/// A step or checklist item the person ticked or wrote a note on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemRecord {
    pub id: String,
    #[serde(default)]
    pub done: bool,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_date")]
    pub done_on: Option<NaiveDate>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "checked::note"
    )]
    pub note: Option<String>,
}

impl ItemRecord {
    pub fn new(id: &str) -> ItemRecord {
        ItemRecord {
            id: id.to_string(),
            done: false,
            done_on: None,
            note: None,
        }
    }
}

/// One Coursera account: what the person chose for it and its checklist.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// `a1`, `a2`, …; version 1's and 2's `[account]` had none (it becomes `a1`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// How the person tells it apart: its email, "Google sign-in", ….
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "checked::optional_label"
    )]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<AccountDecision>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_date")]
    pub requested_on: Option<NaiveDate>,
    /// Whether the person signs in with Google, Facebook or Apple; None = not asked yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub social_sign_in: Option<bool>,
    /// Whether the person is enrolled in a degree or another for-credit programme; None = not asked yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_credit: Option<bool>,
    /// Version 2 kept where the person lives here; read only to move it to
    /// [`State::region`]; never written.
    #[serde(default, skip_serializing)]
    pub region: Option<Region>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemRecord>,
}

impl Account {
    pub fn new(id: String, label: Option<String>) -> Account {
        Account {
            id,
            label,
            ..Account::default()
        }
    }

    pub fn item(&self, id: &str) -> Option<&ItemRecord> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn item_mut(&mut self, id: &str) -> &mut ItemRecord {
        item_mut(&mut self.items, id)
    }

    pub fn deleting(&self) -> bool {
        self.decision == Some(AccountDecision::Delete)
    }
}

fn item_mut<'a>(items: &'a mut Vec<ItemRecord>, id: &str) -> &'a mut ItemRecord {
    match items.iter().position(|i| i.id == id) {
        Some(i) => &mut items[i],
        None => {
            items.push(ItemRecord::new(id));
            items.last_mut().expect("just pushed")
        }
    }
}

/// A folder the state file can remember: a wizard that remembered one the
/// reader refuses would lock the person out of their own file.
pub fn export_folder_fits(folder: &str) -> bool {
    !folder.trim().is_empty() && folder.len() <= MAX_FOLDER_BYTES && !folder.chars().any(char::is_control)
}

impl State {
    pub fn subscription(&self, id: &str) -> Option<&Subscription> {
        self.subscriptions.iter().find(|s| s.id == id)
    }

    pub fn subscription_mut(&mut self, id: &str) -> Option<&mut Subscription> {
        self.subscriptions.iter_mut().find(|s| s.id == id)
    }

    pub fn account(&self, id: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    pub fn account_mut(&mut self, id: &str) -> Option<&mut Account> {
        self.accounts.iter_mut().find(|a| a.id == id)
    }

    /// The first account: the only one for most people, and the one a
    /// version-1 or version-2 file held.
    pub fn first_account(&self) -> &Account {
        self.accounts.first().expect("a state always holds an account")
    }

    /// The account the wizard's account pages are about.
    pub fn focused_account(&self) -> &Account {
        self.account_focus
            .as_deref()
            .and_then(|id| self.account(id))
            .unwrap_or_else(|| self.first_account())
    }

    /// The id of [`State::focused_account`], to change it through `actions`.
    pub fn focused_account_id(&self) -> String {
        self.focused_account().id.clone()
    }

    /// More than one account is tracked: screens and exports name the account.
    pub fn several_accounts(&self) -> bool {
        self.accounts.len() > 1
    }

    /// The subscriptions an account is known to pay for, in the order added
    /// (not those whose account the person has not named yet).
    pub fn paid_by<'s>(&'s self, account: &'s str) -> impl Iterator<Item = &'s Subscription> + 's {
        self.subscriptions
            .iter()
            .filter(move |s| s.account == account && !(s.account_unknown && self.several_accounts()))
    }

    /// The subscriptions an account may pay for: its own, and those whose
    /// account is not named yet (they could be its).
    pub fn maybe_paid_by<'s>(&'s self, account: &'s str) -> impl Iterator<Item = &'s Subscription> + 's {
        self.subscriptions
            .iter()
            .filter(move |s| self.may_pay(account, s))
    }

    /// The subscriptions whose account nobody has named yet (with several accounts).
    pub fn account_not_named(&self) -> impl Iterator<Item = &Subscription> {
        let several = self.several_accounts();
        self.subscriptions
            .iter()
            .filter(move |s| s.account_unknown && several)
    }

    /// `account` pays for `sub`, or may: nobody has said which account does.
    pub fn may_pay(&self, account: &str, sub: &Subscription) -> bool {
        sub.account == account || (sub.account_unknown && self.several_accounts())
    }

    /// How an account is named to the person: "Coursera account" while it is
    /// the only one, else its id and label ("a2 · Google sign-in").
    pub fn account_name(&self, account: &Account) -> String {
        if !self.several_accounts() {
            return ACCOUNT_WORDS.to_string();
        }
        match &account.label {
            Some(label) => format!("{} · {label}", account.id),
            None => format!("{} · {ACCOUNT_WORDS}", account.id),
        }
    }

    /// The EU/UK right of withdrawal applies (unanswered counts as elsewhere).
    pub fn eu_uk(&self) -> bool {
        self.region == Some(Region::EuUk)
    }

    /// Where the person lives, in words, with what the answer means.
    pub fn region_words(&self) -> &'static str {
        match self.region {
            Some(Region::EuUk) => "in the EU or the UK (the right of withdrawal applies)",
            Some(Region::Elsewhere) => "outside the EU and the UK",
            None => "not answered yet (counted as outside the EU and the UK)",
        }
    }

    /// Brings a file of an older schema to this one, in memory; the file
    /// itself changes only at the next save (and its `.bak` keeps the old bytes).
    /// Version 1 marked a converted trial with `converted_from_trial`, and its
    /// trials were all 7 days long: the trial began 7 days before the charge.
    /// Versions 1 and 2 held one `[account]` (with the region in it): it
    /// becomes account `a1`, paying for every subscription.
    pub fn migrate(mut self) -> Result<State, String> {
        let version = self.schema_version;
        for (i, sub) in self.subscriptions.iter_mut().enumerate() {
            if !sub.converted_from_trial {
                continue;
            }
            if version >= 2 {
                return Err(format!(
                    "subscriptions[{}] (id = \"{}\"): converted_from_trial is a version-1 key; \
                     version {SCHEMA_VERSION} writes trial_started = \"YYYY-MM-DD\" (the day the trial began) instead",
                    i + 1,
                    sub.id
                ));
            }
            sub.converted_from_trial = false;
            if sub.trial_started.is_none() {
                sub.trial_started = sub.started.map(|s| super::dates::add_days(s, -7));
            }
        }
        if version < SCHEMA_VERSION {
            self.migrate_single_account(version)?;
        } else {
            self.check_accounts_section()?;
        }
        self.schema_version = SCHEMA_VERSION;
        Ok(self)
    }

    fn migrate_single_account(&mut self, version: u32) -> Result<(), String> {
        if !self.accounts.is_empty() {
            return Err(format!(
                "[[accounts]] is written by version {SCHEMA_VERSION}, but this file says schema_version = {version}; \
                 a version-{version} file keeps its one account in [account]"
            ));
        }
        if self.region.is_some() || self.next_account_id != 2 {
            let key = if self.region.is_some() {
                "region"
            } else {
                "next_account_id"
            };
            return Err(format!(
                "{key} at the top is written by version {SCHEMA_VERSION}, but this file says schema_version = {version}; \
                 a version-{version} file keeps the region in [account]"
            ));
        }
        if self.subscriptions.iter().any(|s| !s.account.is_empty()) {
            return Err(format!(
                "a subscription's account is written by version {SCHEMA_VERSION}, but this file says schema_version = {version}"
            ));
        }
        let mut account = self.legacy_account.take().unwrap_or_default();
        if !account.id.is_empty() || account.label.is_some() {
            return Err(format!(
                "[account]: id and label are written by version {SCHEMA_VERSION} in [[accounts]]; \
                 this file says schema_version = {version}"
            ));
        }
        account.id = FIRST_ACCOUNT.to_string();
        self.region = account.region.take();
        self.accounts = vec![account];
        self.next_account_id = 2;
        for sub in &mut self.subscriptions {
            sub.account = FIRST_ACCOUNT.to_string();
        }
        Ok(())
    }

    /// A version-3 file: no version-2 `[account]`, the region at the top,
    /// and every subscription naming its account (one account may be implied).
    fn check_accounts_section(&mut self) -> Result<(), String> {
        if self.legacy_account.is_some() {
            return Err(format!(
                "[account] is a version-2 section; version {SCHEMA_VERSION} writes [[accounts]] with id = \"a1\" \
                 (and region at the top of the file)"
            ));
        }
        if let Some((i, a)) = self.accounts.iter().enumerate().find(|(_, a)| a.region.is_some()) {
            return Err(format!(
                "accounts[{}] (id = \"{}\"): region is one answer for the person: write it once, at the top of the file",
                i + 1,
                a.id
            ));
        }
        if self.accounts.is_empty() {
            self.accounts.push(Account::new(FIRST_ACCOUNT.to_string(), None));
            self.next_account_id = self.next_account_id.max(2);
        }
        if self.accounts.len() == 1 {
            let only = self.accounts[0].id.clone();
            for sub in self.subscriptions.iter_mut().filter(|s| s.account.is_empty()) {
                sub.account = only.clone();
            }
        }
        Ok(())
    }

    /// Checks what serde cannot: ids, counters and value ranges.
    /// The message names the field, as a person editing the file would look for it.
    pub fn validate(&self) -> Result<(), String> {
        if self.next_id == 0 {
            return Err("next_id: must be 1 or more".into());
        }
        if let Some(folder) = &self.export_folder
            && !export_folder_fits(folder)
        {
            return Err(format!(
                "export_folder: must be a folder's path, 1 to {MAX_FOLDER_BYTES} bytes without control characters"
            ));
        }
        self.validate_accounts()?;
        for (i, s) in self.subscriptions.iter().enumerate() {
            // Made only for a message: this runs on every start, for every subscription.
            let at = || format!("subscriptions[{}] (id = \"{}\")", i + 1, s.id);
            // s1, s2, …: digits only, no leading zero, as `add` writes them.
            match numbered_id(&s.id, 's') {
                None => return Err(format!("{}: id must look like s1, s2, …", at())),
                Some(n) if n >= self.next_id => {
                    return Err(match n.checked_add(1) {
                        Some(above) => format!(
                            "{}: id is not below next_id = {}; raise next_id to {above}",
                            at(),
                            self.next_id
                        ),
                        None => format!("{}: id is too large (s{} at most)", at(), u32::MAX - 1),
                    });
                }
                Some(_) => {}
            }
            if self.subscriptions[..i].iter().any(|o| o.id == s.id) {
                return Err(format!("{}: the id is used twice", at()));
            }
            if s.label.trim().is_empty() {
                return Err(format!("{}: label is empty", at()));
            }
            if s.trial_days.is_some() && s.plan != Some(PlanKind::FreeTrial) && s.trial_started.is_none() {
                return Err(format!(
                    "{}: trial_days goes only with plan = \"free-trial\" (or a trial_started)",
                    at()
                ));
            }
            // The command line and the wizard offer a pause for one plan kind
            // only; a hand edit must not make a trial show how to pause.
            let pausing = s.decision == Some(Decision::Pause) || s.pause.is_some();
            if pausing && s.plan.is_some_and(|p| !p.can_pause()) {
                return Err(format!(
                    "{}: a pause (decision = \"pause\" or [subscriptions.pause]) goes only with \
                     plan = \"specialization-monthly\"",
                    at()
                ));
            }
            if s.pause.is_some_and(|p| !(1..=12).contains(&p.months)) {
                return Err(format!("{}: pause.months must be between 1 and 12", at()));
            }
            if self.account(&s.account).is_none() {
                return Err(format!(
                    "{}: account = \"{}\" names no account; the accounts are {}",
                    at(),
                    s.account,
                    self.account_ids()
                ));
            }
            check_items(&s.items, at)?;
        }
        Ok(())
    }

    /// "a1, a2": the ids a message can offer.
    pub fn account_ids(&self) -> String {
        self.accounts
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn validate_accounts(&self) -> Result<(), String> {
        // The wizard's place: an account's id, even if that account is gone since.
        if let Some(focus) = &self.account_focus
            && numbered_id(focus, 'a').is_none()
        {
            return Err(format!(
                "account_focus = {focus:?}: must be an account's id (a1, a2, …), or left out"
            ));
        }
        if self.next_account_id < 2 {
            return Err("next_account_id: must be 2 or more (a1 is the first account)".into());
        }
        if self.accounts.is_empty() {
            return Err("accounts: there is always at least one account".into());
        }
        for (i, a) in self.accounts.iter().enumerate() {
            let at = || format!("accounts[{}] (id = \"{}\")", i + 1, a.id);
            match numbered_id(&a.id, 'a') {
                None => return Err(format!("{}: id must look like a1, a2, …", at())),
                Some(n) if n >= self.next_account_id => {
                    return Err(format!(
                        "{}: id is not below next_account_id = {}; raise next_account_id to {}",
                        at(),
                        self.next_account_id,
                        u64::from(n) + 1
                    ));
                }
                Some(_) => {}
            }
            if self.accounts[..i].iter().any(|o| o.id == a.id) {
                return Err(format!("{}: the id is used twice", at()));
            }
            check_items(&a.items, at)?;
        }
        Ok(())
    }
}

/// Text that reads as an account id (`a2`, `A9`): a command's argument that
/// means an account, or a label that would be mistaken for one.
pub fn looks_like_account_id(text: &str) -> bool {
    numbered_id(&text.to_ascii_lowercase(), 'a').is_some()
}

/// The number of an id written as a letter and a number without a leading
/// zero (`s12`, `a2`), as `add` and `account add` write them.
fn numbered_id(id: &str, letter: char) -> Option<u32> {
    id.strip_prefix(letter)
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && !n.starts_with('0'))
        .and_then(|n| n.parse::<u32>().ok())
}

fn check_items(items: &[ItemRecord], at: impl Fn() -> String) -> Result<(), String> {
    for (i, item) in items.iter().enumerate() {
        if items[..i].iter().any(|o| o.id == item.id) {
            return Err(format!("{}: item \"{}\" appears twice", at(), item.id));
        }
    }
    Ok(())
}

/// Dates are written as "YYYY-MM-DD" strings; a bare TOML date typed by hand is read too.
pub(crate) mod date {
    use chrono::NaiveDate;
    use serde::de::{self, MapAccess, Visitor};
    use serde::{Deserialize, Deserializer, Serializer};
    use std::fmt;

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_any(DateVisitor)
    }

    struct DateVisitor;

    impl<'de> Visitor<'de> for DateVisitor {
        type Value = NaiveDate;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a date written as \"YYYY-MM-DD\"")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
            crate::domain::dates::parse_date(v)
                .and_then(crate::domain::dates::within_range)
                .map_err(|why| E::custom(format!("\"{v}\": {why}")))
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<NaiveDate, A::Error> {
            let dt = toml::value::Datetime::deserialize(de::value::MapAccessDeserializer::new(map))?;
            match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => NaiveDate::from_ymd_opt(d.year as i32, d.month as u32, d.day as u32)
                    .ok_or_else(|| "not a valid date".to_string())
                    .and_then(crate::domain::dates::within_range)
                    .map_err(|why| de::Error::custom(format!("{dt}: {why}"))),
                _ => Err(de::Error::custom(format!(
                    "{dt}: expected a date without a time, YYYY-MM-DD"
                ))),
            }
        }
    }
}

/// Values read from a file meet the limits a writer checks (SPEC §5), and a
/// fault names its line and column like any other type error.
pub(crate) mod checked {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer};

    use super::TRIAL_DAYS;

    pub fn label<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        let text = String::deserialize(d)?;
        crate::domain::text_limits::label(&text).map_err(D::Error::custom)?;
        Ok(text)
    }

    pub fn optional_label<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        label(d).map(Some)
    }

    pub fn note<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        let text = String::deserialize(d)?;
        crate::domain::text_limits::note(&text).map_err(D::Error::custom)?;
        Ok(Some(text))
    }

    pub fn trial_days<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
        let days = i64::deserialize(d)?;
        match u32::try_from(days) {
            Ok(days) if TRIAL_DAYS.contains(&days) => Ok(Some(days)),
            _ => Err(D::Error::custom(format!(
                "trial_days = {days}: a trial lasts {} to {} days",
                TRIAL_DAYS.start(),
                TRIAL_DAYS.end()
            ))),
        }
    }
}

pub(crate) mod opt_date {
    use chrono::NaiveDate;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => super::date::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        super::date::deserialize(d).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_id(id: &str) -> State {
        let mut state = State {
            next_id: 100,
            ..State::default()
        };
        state
            .subscriptions
            .push(Subscription::new(id.to_string(), "Plus".to_string()));
        state
    }

    #[test]
    fn ids_are_s_and_a_number_as_add_writes_them() {
        for good in ["s1", "s9", "s10", "s99"] {
            assert_eq!(with_id(good).validate(), Ok(()), "{good}");
        }
        for bad in [
            "s0",
            "s01",
            "s+1",
            "s",
            "1",
            "S1",
            "s1x",
            "s 1",
            "account",
            "s4294967296",
        ] {
            let error = with_id(bad).validate().expect_err(bad);
            assert!(error.contains("id must look like s1, s2"), "{bad}: {error}");
            assert!(error.starts_with("subscriptions[1]"), "{bad}: {error}");
        }
    }

    #[test]
    fn the_largest_id_is_refused_with_advice_that_can_be_followed() {
        let mut state = with_id("s4294967295");
        state.next_id = 3;
        let error = state.validate().expect_err("above next_id");
        assert!(error.contains("id is too large (s4294967294 at most)"), "{error}");
        let mut state = with_id("s7");
        state.next_id = 3;
        let error = state.validate().expect_err("above next_id");
        assert!(error.contains("raise next_id to 8"), "{error}");
    }
}
