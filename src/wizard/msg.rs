//! What a key means to the wizard. The terminal layer maps keys to these
//! (a pure function of the key and the [`Mode`]); the wizard never sees a key.

/// Which keys mean what right now (SPEC §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Letters are commands.
    Normal,
    /// A date or text field is being edited: every printable key is text.
    Edit,
    /// A yes/no question is open.
    Confirm,
    /// The help overlay is open.
    Help,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Up,
    Down,
    PageUp,
    PageDown,
    /// Choose / next (Enter, → or l); in edit mode, accept.
    Next,
    /// Back, answers kept (Esc, ← or h); in edit mode, cancel the edit.
    Back,
    /// Space.
    Toggle,
    /// Tab.
    NextField,
    /// Shift-Tab.
    PrevField,
    /// `e`: edit the date.
    EditDate,
    /// `n`: edit the note of the selected item.
    EditNote,
    /// `a`: add a subscription.
    Add,
    /// `d` or `x`: remove the selected subscription.
    Remove,
    /// `c`: continue where the person left off.
    Continue,
    /// `r`: give the selected subscription a name of one's own (Home).
    Rename,
    /// `o`: open the highlighted rule's source in the browser.
    OpenSource,
    /// `D`: decide about the account (delete it or keep it).
    Account,
    /// `N`: track another Coursera account (Home).
    NewAccount,
    /// `A`: where the account holder lives (EU/UK or elsewhere), from anywhere.
    Region,
    /// `g` or Home: back to Home from any page.
    Home,
    /// `t`: the table of every deadline.
    Deadlines,
    /// `s`: the summary of choices, progress and deadlines.
    Summary,
    /// `w`: write the plan and the calendar to a folder (Summary).
    Export,
    /// `F`: questions people ask (also from the help).
    Faq,
    /// `T`: troubleshooting (also from the help).
    Troubleshooting,
    Yes,
    No,
    /// `?`: open or close the help.
    Help,
    /// `q`: save and quit.
    Quit,
    /// Ctrl-C: save and quit (exit 130).
    Interrupt,
    /// A key typed into the field being edited.
    Text(TextKey),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKey {
    Insert(char),
    DeleteBack,
    DeleteForward,
    Left,
    Right,
    Start,
    End,
    /// Ctrl-U: empty the field.
    Clear,
}
