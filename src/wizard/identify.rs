//! Identify the plan: where it was bought, what is paid (and for a trial, how
//! long it lasts), the key date and the certificate question (not for a
//! trial: none can be earned during one); then, once for the whole account,
//! whether the person lives in the EU or the UK. Every answer is saved as it
//! is given; "not sure" explains where to look and lets the person come back later.

use chrono::NaiveDate;

use super::detail::DetailScroll;
use super::field::{DateField, FieldEvent, TextField};
use super::msg::{Mode, Msg};
use super::route;
use super::text::{self, Command};
use super::{Ctx, Flow, Notice};
use crate::domain::actions::{self, Edit};
use crate::domain::journey::{Journey, Screen};
use crate::domain::plan::{Channel, PlanKind, Region};
use crate::domain::policy::Policy;
use crate::domain::state::{State, Subscription};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Which account pays, once there are several.
    Account,
    Channel,
    Plan,
    /// A free trial's length in days.
    TrialLength,
    Started,
    Certificate,
    /// "Do you live in the EU or the UK?", once for the account.
    Region,
}

/// One line of a question's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// The account at this place in the state's list.
    Account(usize),
    Channel(Channel),
    Plan(PlanKind),
    Certificate(bool),
    /// A trial of this many days.
    TrialDays(u32),
    /// A trial of another length: opens a number field.
    OtherLength,
    /// The region question's yes (EU or UK) and no (elsewhere).
    Region(Region),
    /// "Not sure" on the region question: counted as no until answered.
    RegionNotSure,
    /// "Not sure" on the channel or plan question.
    NotSure,
    /// On the "where to look" page: back to the question.
    Found,
    /// On the "where to look" page: back to Home, answers kept.
    Later,
}

/// The plans a person picks; an organization plan follows from the channel.
const PLANS: [PlanKind; 5] = [
    PlanKind::FreeTrial,
    PlanKind::SpecializationMonthly,
    PlanKind::PlusMonthly,
    PlanKind::PlusAnnual,
    PlanKind::CoursePurchase,
];

#[derive(Debug, Clone)]
pub struct Identify {
    id: String,
    question: Question,
    cursor: usize,
    not_sure: bool,
    date: DateField,
    /// The trial length typed after "another number".
    length: TextField,
    /// Why the typed length was refused, shown under the field.
    length_error: Option<String>,
    /// The region question was shown in this visit: it stays in the list
    /// even once answered, so Esc can come back to it.
    region_shown: bool,
    /// "Not sure" was the answer to the region question in this visit.
    region_skipped: bool,
    /// Added a moment ago from Home: leaving with nothing answered drops it.
    just_added: bool,
    /// The date editor opened by itself on arriving at the question: Esc
    /// then goes back a question (the date is the question). Opened with
    /// `e` or Enter on a closed question, Esc only closes it.
    date_opened_on_arrival: bool,
    /// How far what the highlighted answer means is scrolled (PgUp/PgDn):
    /// at 60x20 the region question's two paragraphs and source do not fit.
    detail_scroll: DetailScroll,
}

impl Identify {
    /// Opens at the first unanswered question (the last one if all are answered).
    pub fn open(state: &State, id: &str, policy: &Policy, today: NaiveDate, just_added: bool) -> Identify {
        let sub = state
            .subscription(id)
            .expect("the router checks the subscription exists");
        let mut page = Identify {
            id: id.to_string(),
            question: Question::Channel,
            cursor: 0,
            not_sure: false,
            date: date_field(sub, today),
            length: TextField::new(""),
            length_error: None,
            region_shown: false,
            region_skipped: false,
            just_added,
            date_opened_on_arrival: false,
            detail_scroll: DetailScroll::default(),
        };
        // Every question answered (the way back from Decide): the last one,
        // so Esc retraces the questions from the end.
        let questions = page.questions(state, sub);
        page.question = questions
            .iter()
            .copied()
            .find(|q| !page.answered(state, sub, *q))
            .or(questions.last().copied())
            .unwrap_or(Question::Channel);
        let edit = !page.answered(state, sub, page.question);
        page.arrive(sub, today, edit);
        page.cursor = page.saved_cursor(state, sub, policy);
        page
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn question(&self) -> Question {
        self.question
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn detail_scroll(&self) -> u16 {
        self.detail_scroll.lines()
    }

    pub fn limit_detail_scroll(&mut self, max: u16) {
        self.detail_scroll.limit(max);
    }

    /// The "where to look" page is showing for the current question.
    pub fn not_sure(&self) -> bool {
        self.not_sure
    }

    pub fn date(&self) -> &DateField {
        &self.date
    }

    /// The trial length being typed after "another number".
    pub fn length(&self) -> &TextField {
        &self.length
    }

    pub fn length_error(&self) -> Option<&str> {
        self.length_error.as_deref()
    }

    pub fn journey(&self) -> Journey {
        Journey {
            screen: Screen::Identify,
            subscription: Some(self.id.clone()),
        }
    }

    /// A field is open and holds something other than what it opened with.
    pub fn field_changed(&self) -> bool {
        (self.date.editing() && self.date.text().changed())
            || (self.length.editing() && self.length.changed())
    }

    pub fn mode(&self) -> Mode {
        if self.date.editing() || self.length.editing() {
            Mode::Edit
        } else {
            Mode::Normal
        }
    }

    /// The lines of the list on screen now.
    pub fn choices(&self, state: &State, policy: &Policy) -> Vec<Choice> {
        if self.not_sure {
            return vec![Choice::Found, Choice::Later];
        }
        match self.question {
            Question::Account => (0..state.accounts.len())
                .map(Choice::Account)
                .chain([Choice::NotSure])
                .collect(),
            Question::TrialLength => policy
                .trial
                .lengths
                .iter()
                .map(|d| Choice::TrialDays(*d))
                .chain([Choice::OtherLength])
                .collect(),
            Question::Region => vec![
                Choice::Region(Region::EuUk),
                Choice::Region(Region::Elsewhere),
                Choice::RegionNotSure,
            ],
            Question::Channel => Channel::ALL
                .iter()
                .map(|c| Choice::Channel(*c))
                .chain([Choice::NotSure])
                .collect(),
            Question::Plan => PLANS
                .iter()
                .map(|p| Choice::Plan(*p))
                .chain([Choice::NotSure])
                .collect(),
            Question::Certificate => vec![Choice::Certificate(false), Choice::Certificate(true)],
            Question::Started => Vec::new(),
        }
    }

    /// The choice that is the saved answer, if any.
    pub fn answer(&self, state: &State, sub: &Subscription, policy: &Policy) -> Option<Choice> {
        match self.question {
            Question::Account if self.answered(state, sub, Question::Account) => state
                .accounts
                .iter()
                .position(|a| a.id == sub.account)
                .map(Choice::Account),
            Question::Account => None,
            Question::Channel => sub.channel.map(Choice::Channel),
            Question::Plan => sub.plan.map(Choice::Plan),
            Question::Certificate => sub.certificate_earned.map(Choice::Certificate),
            Question::TrialLength => sub.trial_days.map(|d| {
                if policy.trial.lengths.contains(&d) {
                    Choice::TrialDays(d)
                } else {
                    Choice::OtherLength
                }
            }),
            Question::Region => match state.region {
                Some(region) => Some(Choice::Region(region)),
                None if self.region_skipped => Some(Choice::RegionNotSure),
                None => None,
            },
            Question::Started => None,
        }
    }

    /// Where this question is in the sequence, 1-based, and how many there are.
    pub fn position(&self, state: &State, sub: &Subscription) -> (usize, usize) {
        let all = self.questions(state, sub);
        let n = all.iter().position(|q| *q == self.question).unwrap_or(0) + 1;
        (n, all.len())
    }

    /// The questions for this subscription, in order. An organization plan
    /// follows from the channel, so its plan question is skipped; a trial
    /// has a length and no certificate question; the region is asked while
    /// unanswered on the first subscription, and on any whose refund or
    /// withdrawal could depend on it.
    pub fn questions(&self, state: &State, sub: &Subscription) -> Vec<Question> {
        let mut all = Vec::new();
        if state.several_accounts() {
            all.push(Question::Account);
        }
        all.push(Question::Channel);
        if sub.channel != Some(Channel::Organization) {
            all.push(Question::Plan);
        }
        let trial = sub.plan == Some(PlanKind::FreeTrial);
        if trial {
            all.push(Question::TrialLength);
        }
        all.push(Question::Started);
        if !trial {
            all.push(Question::Certificate);
        }
        if self.region_shown || region_matters(state, sub) {
            all.push(Question::Region);
        }
        all
    }

    pub fn answered(&self, state: &State, sub: &Subscription, question: Question) -> bool {
        match question {
            Question::Account => !sub.account_unknown,
            Question::Channel => sub.channel.is_some(),
            Question::Plan => sub.plan.is_some(),
            Question::TrialLength => sub.trial_days.is_some(),
            Question::Started => sub.started.is_some(),
            Question::Certificate => sub.certificate_earned.is_some(),
            Question::Region => state.region.is_some() || self.region_skipped,
        }
    }

    pub fn commands(&self, state: &State, sub: &Subscription) -> Vec<Command> {
        if self.date.editing() {
            return vec![text::ACCEPT, text::CANCEL, text::DAY, text::MONTH];
        }
        if self.length.editing() {
            return vec![text::ACCEPT, text::CANCEL];
        }
        if self.not_sure {
            return vec![text::MOVE, text::CHOOSE, text::BACK];
        }
        let mut commands = match self.question {
            Question::Started if self.answered(state, sub, Question::Started) => {
                vec![text::EDIT_DATE, text::NEXT, text::BACK]
            }
            Question::Started => vec![text::CHOOSE_DATE, text::BACK],
            _ => vec![text::MOVE, text::CHOOSE, text::BACK],
        };
        if self.question != Question::Started && self.answered(state, sub, self.question) {
            commands.push(text::NEXT_QUESTION);
        }
        // From another question, `e` goes to the date: offered once there
        // is one to edit (the answers line shows it), not on a question
        // that asks no date while none is given yet (a new trial's length).
        if self.question != Question::Started && sub.plan.is_some() && sub.started.is_some() {
            commands.push(text::EDIT_DATE);
        }
        commands
    }

    pub fn update(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        if ctx.state.subscription(&self.id).is_none() {
            return Flow::Go(Journey::default());
        }
        if self.date.editing() {
            return self.update_date(ctx, msg);
        }
        if self.length.editing() {
            return self.update_length(ctx, msg);
        }
        if self.not_sure {
            return self.update_not_sure(ctx, msg);
        }
        let count = self.choices(ctx.state, ctx.policy).len();
        match msg {
            Msg::Up => {
                self.cursor = self.cursor.saturating_sub(1);
                self.detail_scroll.reset();
                Flow::Stay
            }
            Msg::Down => {
                self.cursor = (self.cursor + 1).min(count.saturating_sub(1));
                self.detail_scroll.reset();
                Flow::Stay
            }
            // What the highlighted answer means, where it is taller than its pane.
            Msg::PageUp if self.question != Question::Started => {
                self.detail_scroll.up();
                Flow::Stay
            }
            Msg::PageDown if self.question != Question::Started => {
                self.detail_scroll.down();
                Flow::Stay
            }
            // Only a date accepted in the editor is recorded: with none yet, Enter opens it.
            Msg::Next if self.question == Question::Started => {
                if self.answered(ctx.state, self.sub(ctx.state), Question::Started) {
                    self.advance(ctx)
                } else {
                    self.date.begin();
                    self.date_opened_on_arrival = false;
                    Flow::Stay
                }
            }
            Msg::Next => self.choose(ctx, true),
            Msg::Toggle if self.question != Question::Started => self.choose(ctx, false),
            Msg::EditDate => self.edit_date(ctx),
            Msg::NextField => {
                let sub = self.sub(ctx.state);
                if self.answered(ctx.state, sub, self.question) {
                    self.advance(ctx)
                } else {
                    *ctx.notice = Some(Notice::info(text::ANSWER_FIRST.to_string()));
                    Flow::Stay
                }
            }
            Msg::Back | Msg::PrevField => self.retreat(ctx),
            _ => Flow::Stay,
        }
    }

    fn sub<'s>(&self, state: &'s State) -> &'s Subscription {
        state
            .subscription(&self.id)
            .expect("checked at the start of update")
    }

    /// Shows `question`; a date question opens for typing when `edit` is set.
    fn arrive(&mut self, sub: &Subscription, today: NaiveDate, edit: bool) {
        self.not_sure = false;
        self.cursor = 0;
        self.detail_scroll.reset();
        if self.question == Question::Region {
            self.region_shown = true;
        }
        if self.question == Question::Started {
            self.date = date_field(sub, today);
            if edit {
                self.date.begin();
                self.date_opened_on_arrival = true;
            }
        }
    }

    fn go_to(&mut self, ctx: &Ctx, question: Question, edit: bool) {
        self.question = question;
        let sub = self.sub(ctx.state);
        self.arrive(sub, ctx.today, edit);
        self.cursor = self.saved_cursor(ctx.state, sub, ctx.policy);
    }

    /// Where the highlight starts: on the saved answer, else the first line.
    fn saved_cursor(&self, state: &State, sub: &Subscription, policy: &Policy) -> usize {
        self.answer(state, sub, policy)
            .and_then(|a| self.choices(state, policy).iter().position(|c| *c == a))
            .unwrap_or(0)
    }

    /// The next question, or on from Identify when every one is answered.
    fn advance(&mut self, ctx: &mut Ctx) -> Flow {
        let sub = self.sub(ctx.state);
        let all = self.questions(ctx.state, sub);
        let after = all.iter().skip_while(|q| **q != self.question).nth(1).copied();
        match after {
            Some(q) => {
                let edit = !self.answered(ctx.state, sub, q) || q == Question::Started;
                self.go_to(ctx, q, edit);
                Flow::Stay
            }
            None => self.finish(ctx),
        }
    }

    fn finish(&mut self, ctx: &mut Ctx) -> Flow {
        let sub = self.sub(ctx.state);
        if let Some(q) = self
            .questions(ctx.state, sub)
            .into_iter()
            .find(|q| !self.answered(ctx.state, sub, *q))
        {
            self.go_to(ctx, q, true);
            return Flow::Stay;
        }
        *ctx.notice = Some(Notice::done(text::saved_complete(&sub.label)));
        Flow::Go(route::after_identify(sub))
    }

    fn retreat(&mut self, ctx: &mut Ctx) -> Flow {
        let sub = self.sub(ctx.state);
        let all = self.questions(ctx.state, sub);
        let before = all.iter().take_while(|q| **q != self.question).last().copied();
        match before {
            Some(q) => {
                self.go_to(ctx, q, false);
                Flow::Stay
            }
            None => {
                // Which account pays is an answer too, once there are several to choose from.
                let account_answered = ctx.state.several_accounts() && !sub.account_unknown;
                let untouched = !account_answered
                    && sub.channel.is_none()
                    && sub.plan.is_none()
                    && sub.trial_days.is_none()
                    && sub.started.is_none()
                    && sub.certificate_earned.is_none();
                if self.just_added && untouched {
                    // Added and left at once: it was never really added.
                    let _ = actions::remove(ctx.state, &self.id);
                    return Flow::Go(Journey::default());
                }
                Flow::Go(Journey {
                    screen: Screen::Home,
                    subscription: Some(self.id.clone()),
                })
            }
        }
    }

    /// Records the highlighted choice; with `next`, moves on.
    fn choose(&mut self, ctx: &mut Ctx, next: bool) -> Flow {
        let Some(choice) = self.choices(ctx.state, ctx.policy).get(self.cursor).copied() else {
            return Flow::Stay;
        };
        let result = match choice {
            Choice::Account(index) => {
                let account = ctx.state.accounts.get(index).map(|a| a.id.clone());
                let change = Edit {
                    account,
                    ..Edit::default()
                };
                actions::edit(ctx.state, &self.id, change, ctx.policy, ctx.today)
            }
            Choice::TrialDays(days) => set_trial_days(ctx, &self.id, days),
            Choice::OtherLength => {
                let typed = self.sub(ctx.state).trial_days.map(|d| d.to_string());
                self.length = TextField::new(typed.as_deref().unwrap_or(""));
                self.length.begin();
                self.length_error = None;
                return Flow::Stay;
            }
            Choice::Region(region) => {
                actions::set_region(ctx.state, region);
                self.region_skipped = false;
                Ok(())
            }
            Choice::RegionNotSure => {
                // As with `A`: an earlier yes or no is taken back, counted as no.
                let forgot = ctx.state.region.is_some();
                actions::forget_region(ctx.state);
                self.region_skipped = true;
                let flow = if next { self.advance(ctx) } else { Flow::Stay };
                // Said after moving on: finishing would otherwise replace it.
                *ctx.notice = Some(Notice::info(ctx.policy.region.not_sure.clone()));
                return if forgot { flow.or_save() } else { flow };
            }
            Choice::Channel(channel) => set_channel(ctx, &self.id, channel),
            Choice::Plan(plan) => set_plan(ctx, &self.id, plan),
            Choice::Certificate(earned) => actions::edit(
                ctx.state,
                &self.id,
                Edit {
                    certificate_earned: Some(earned),
                    ..Edit::default()
                },
                ctx.policy,
                ctx.today,
            ),
            Choice::NotSure => {
                forget(ctx.state, &self.id, self.question);
                self.not_sure = true;
                self.cursor = 0;
                return Flow::Changed;
            }
            Choice::Found | Choice::Later => return Flow::Stay,
        };
        match result {
            Err(refusal) => {
                *ctx.notice = Some(Notice::error(refusal.reason));
                Flow::Stay
            }
            Ok(()) if next => self.advance(ctx).or_save(),
            Ok(()) => Flow::Changed,
        }
    }

    /// Typing the length of a trial that is neither 7 nor 14 days.
    fn update_length(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        match msg {
            Msg::Back => {
                self.length.cancel();
                self.length_error = None;
                Flow::Stay
            }
            Msg::Next => {
                let typed = self.length.value().trim().to_string();
                let days = match typed.parse::<u32>() {
                    Ok(days) => days,
                    Err(_) => {
                        self.length_error = Some(text::TRIAL_LENGTH_NOT_A_NUMBER.to_string());
                        return Flow::Stay;
                    }
                };
                match set_trial_days(ctx, &self.id, days) {
                    Ok(()) => {
                        self.length.finish();
                        self.length_error = None;
                        self.advance(ctx).or_save()
                    }
                    Err(refusal) => {
                        self.length_error = Some(refusal.reason);
                        Flow::Stay
                    }
                }
            }
            Msg::Text(key) => {
                if self.length.on_text(key) {
                    self.length_error = None;
                }
                Flow::Stay
            }
            _ => Flow::Stay,
        }
    }

    fn update_not_sure(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        match msg {
            Msg::Up => self.cursor = 0,
            Msg::Down => self.cursor = 1,
            Msg::Back => {
                let question = self.question;
                self.go_to(ctx, question, false);
            }
            Msg::Next | Msg::Toggle => match self.choices(ctx.state, ctx.policy).get(self.cursor) {
                Some(Choice::Later) => {
                    let sub = self.sub(ctx.state);
                    *ctx.notice = Some(Notice::info(text::saved_incomplete(&sub.label)));
                    return Flow::Go(Journey {
                        screen: Screen::Home,
                        subscription: Some(self.id.clone()),
                    });
                }
                _ => {
                    let question = self.question;
                    self.go_to(ctx, question, false);
                }
            },
            _ => {}
        }
        Flow::Stay
    }

    fn edit_date(&mut self, ctx: &mut Ctx) -> Flow {
        if self.sub(ctx.state).plan.is_none() {
            *ctx.notice = Some(Notice::info(text::PLAN_FIRST.to_string()));
            return Flow::Stay;
        }
        if self.question != Question::Started {
            self.go_to(ctx, Question::Started, true);
        } else {
            self.date.begin();
        }
        self.date_opened_on_arrival = false;
        Flow::Stay
    }

    fn update_date(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        // Nothing typed or stepped yet: there is no edit to cancel.
        let untouched = !self.date.text().changed();
        match self.date.on_msg(msg, ctx.today) {
            FieldEvent::Submit => self.submit_date(ctx),
            // The date is the question: untouched, one Esc goes back as on
            // any other question (it took two, the first only closing the
            // editor); after typing, Esc first cancels that edit.
            FieldEvent::Cancelled if self.date_opened_on_arrival && untouched => self.retreat(ctx),
            FieldEvent::Cancelled => Flow::Stay,
            FieldEvent::Idle => Flow::Stay,
        }
    }

    /// Saves the date the editor accepted (the domain refuses a date after today) and moves on.
    fn submit_date(&mut self, ctx: &mut Ctx) -> Flow {
        // The field submits only a date.
        let Ok(date) = self.date.date() else {
            return Flow::Stay;
        };
        let change = Edit {
            started: Some(date),
            ..Edit::default()
        };
        match actions::edit(ctx.state, &self.id, change, ctx.policy, ctx.today) {
            Ok(()) => {
                self.date.accepted();
                self.advance(ctx).or_save()
            }
            Err(refusal) => {
                if !self.date.editing() {
                    self.date.begin();
                }
                self.date.refuse(refusal.reason);
                Flow::Stay
            }
        }
    }
}

/// The saved date, or today offered as a starting point nobody has chosen.
fn date_field(sub: &Subscription, today: NaiveDate) -> DateField {
    match sub.started {
        Some(date) => DateField::new(date),
        None => DateField::suggest(today),
    }
}

/// Whether to ask "EU or UK?" with this subscription: while unanswered, on
/// the first subscription added, and on any whose refund or withdrawal could
/// depend on it (bought on the website, no certificate, not an organization's).
pub fn region_matters(state: &State, sub: &Subscription) -> bool {
    if state.region.is_some() {
        return false;
    }
    let first = state.subscriptions.len() == 1;
    let could_withdraw = sub.channel == Some(Channel::Web)
        && sub.certificate_earned != Some(true)
        && sub.plan != Some(PlanKind::Organization);
    first || could_withdraw
}

fn set_trial_days(ctx: &mut Ctx, id: &str, days: u32) -> Result<(), actions::Refusal> {
    let change = Edit {
        trial_days: Some(days),
        ..Edit::default()
    };
    actions::edit(ctx.state, id, change, ctx.policy, ctx.today)
}

/// A label nobody chose: the placeholder or a plan's own name.
fn set_channel(ctx: &mut Ctx, id: &str, channel: Channel) -> Result<(), actions::Refusal> {
    if channel == Channel::Organization {
        let change = Edit {
            channel: Some(channel),
            plan: Some(PlanKind::Organization),
            ..Edit::default()
        };
        return actions::edit(ctx.state, id, change, ctx.policy, ctx.today);
    }
    // Leaving the organization: its implied plan no longer holds.
    if let Some(sub) = ctx.state.subscription_mut(id)
        && sub.plan == Some(PlanKind::Organization)
    {
        sub.plan = None;
    }
    actions::edit(
        ctx.state,
        id,
        Edit {
            channel: Some(channel),
            ..Edit::default()
        },
        ctx.policy,
        ctx.today,
    )
}

fn set_plan(ctx: &mut Ctx, id: &str, plan: PlanKind) -> Result<(), actions::Refusal> {
    let change = Edit {
        plan: Some(plan),
        ..Edit::default()
    };
    actions::edit(ctx.state, id, change, ctx.policy, ctx.today)
}

/// "Not sure" takes back an earlier answer to the question (the domain's
/// `edit` only sets values, so this clears them directly).
fn forget(state: &mut State, id: &str, question: Question) {
    let Some(sub) = state.subscription_mut(id) else {
        return;
    };
    match question {
        Question::Account => sub.account_unknown = true,
        Question::Channel => {
            sub.channel = None;
            if sub.plan == Some(PlanKind::Organization) {
                sub.plan = None;
            }
        }
        Question::Plan => sub.plan = None,
        Question::TrialLength | Question::Started | Question::Certificate | Question::Region => {}
    }
}
