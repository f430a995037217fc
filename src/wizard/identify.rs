//! Identify the plan: where it was bought, what is paid, the key date and the
//! certificate question. Every answer is saved as it is given; "not sure"
//! explains where to look and lets the person come back later.

use chrono::NaiveDate;

use super::field::{DateField, FieldEvent};
use super::msg::{Mode, Msg};
use super::route;
use super::text::{self, Command};
use super::{Ctx, Flow, Notice};
use crate::domain::actions::{self, Edit};
use crate::domain::journey::{Journey, Screen};
use crate::domain::plan::{Channel, PlanKind};
use crate::domain::state::{State, Subscription};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Channel,
    Plan,
    Started,
    Certificate,
}

/// One line of a question's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Channel(Channel),
    Plan(PlanKind),
    Certificate(bool),
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
    /// Added a moment ago from Home: leaving with nothing answered drops it.
    just_added: bool,
}

impl Identify {
    /// Opens at the first unanswered question (the first one if all are answered).
    pub fn open(state: &State, id: &str, today: NaiveDate, just_added: bool) -> Identify {
        let sub = state
            .subscription(id)
            .expect("the router checks the subscription exists");
        let question = questions(sub)
            .into_iter()
            .find(|q| !answered(sub, *q))
            .unwrap_or(Question::Channel);
        let mut page = Identify {
            id: id.to_string(),
            question,
            cursor: 0,
            not_sure: false,
            date: date_field(sub, today),
            just_added,
        };
        page.arrive(sub, today, !answered(sub, question));
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

    /// The "where to look" page is showing for the current question.
    pub fn not_sure(&self) -> bool {
        self.not_sure
    }

    pub fn date(&self) -> &DateField {
        &self.date
    }

    pub fn journey(&self) -> Journey {
        Journey {
            screen: Screen::Identify,
            subscription: Some(self.id.clone()),
        }
    }

    pub fn mode(&self) -> Mode {
        if self.date.editing() {
            Mode::Edit
        } else {
            Mode::Normal
        }
    }

    /// The lines of the list on screen now.
    pub fn choices(&self) -> Vec<Choice> {
        if self.not_sure {
            return vec![Choice::Found, Choice::Later];
        }
        match self.question {
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
    pub fn answer(&self, sub: &Subscription) -> Option<Choice> {
        match self.question {
            Question::Channel => sub.channel.map(Choice::Channel),
            Question::Plan => sub.plan.map(Choice::Plan),
            Question::Certificate => sub.certificate_earned.map(Choice::Certificate),
            Question::Started => None,
        }
    }

    /// Where this question is in the sequence, 1-based, and how many there are.
    pub fn position(&self, sub: &Subscription) -> (usize, usize) {
        let all = questions(sub);
        let n = all.iter().position(|q| *q == self.question).unwrap_or(0) + 1;
        (n, all.len())
    }

    pub fn commands(&self, sub: &Subscription) -> Vec<Command> {
        if self.date.editing() {
            return vec![text::ACCEPT, text::CANCEL, text::DAY, text::MONTH];
        }
        if self.not_sure {
            return vec![text::MOVE, text::CHOOSE, text::BACK];
        }
        let mut commands = match self.question {
            Question::Started if answered(sub, Question::Started) => {
                vec![text::EDIT_DATE, text::NEXT, text::BACK]
            }
            Question::Started => vec![text::CHOOSE_DATE, text::BACK],
            _ => vec![text::MOVE, text::CHOOSE, text::BACK],
        };
        if self.question != Question::Started && answered(sub, self.question) {
            commands.push(text::NEXT_QUESTION);
        }
        if self.question != Question::Started && sub.plan.is_some() {
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
        if self.not_sure {
            return self.update_not_sure(ctx, msg);
        }
        let count = self.choices().len();
        match msg {
            Msg::Up => {
                self.cursor = self.cursor.saturating_sub(1);
                Flow::Stay
            }
            Msg::Down => {
                self.cursor = (self.cursor + 1).min(count.saturating_sub(1));
                Flow::Stay
            }
            // Only a date accepted in the editor is recorded: with none yet, Enter opens it.
            Msg::Next if self.question == Question::Started => {
                if answered(self.sub(ctx.state), Question::Started) {
                    self.advance(ctx)
                } else {
                    self.date.begin();
                    Flow::Stay
                }
            }
            Msg::Next => self.choose(ctx, true),
            Msg::Toggle if self.question != Question::Started => self.choose(ctx, false),
            Msg::EditDate => self.edit_date(ctx),
            Msg::NextField => {
                let sub = self.sub(ctx.state);
                if answered(sub, self.question) {
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
        self.cursor = self
            .answer(sub)
            .and_then(|a| self.choices().iter().position(|c| *c == a))
            .unwrap_or(0);
        if self.question == Question::Started {
            self.date = date_field(sub, today);
            if edit {
                self.date.begin();
            }
        }
    }

    fn go_to(&mut self, ctx: &Ctx, question: Question, edit: bool) {
        self.question = question;
        let sub = self.sub(ctx.state);
        self.arrive(sub, ctx.today, edit);
    }

    /// The next question, or on from Identify when every one is answered.
    fn advance(&mut self, ctx: &mut Ctx) -> Flow {
        let sub = self.sub(ctx.state);
        let all = questions(sub);
        let after = all.iter().skip_while(|q| **q != self.question).nth(1).copied();
        match after {
            Some(q) => {
                let edit = !answered(sub, q) || q == Question::Started;
                self.go_to(ctx, q, edit);
                Flow::Stay
            }
            None => self.finish(ctx),
        }
    }

    fn finish(&mut self, ctx: &mut Ctx) -> Flow {
        let sub = self.sub(ctx.state);
        if let Some(q) = questions(sub).into_iter().find(|q| !answered(sub, *q)) {
            self.go_to(ctx, q, true);
            return Flow::Stay;
        }
        *ctx.notice = Some(Notice::done(text::saved_complete(&sub.label)));
        Flow::Go(route::after_identify(sub))
    }

    fn retreat(&mut self, ctx: &mut Ctx) -> Flow {
        let sub = self.sub(ctx.state);
        let all = questions(sub);
        let before = all.iter().take_while(|q| **q != self.question).last().copied();
        match before {
            Some(q) => {
                self.go_to(ctx, q, false);
                Flow::Stay
            }
            None => {
                let untouched = sub.channel.is_none()
                    && sub.plan.is_none()
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
        let Some(choice) = self.choices().get(self.cursor).copied() else {
            return Flow::Stay;
        };
        let result = match choice {
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

    fn update_not_sure(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        match msg {
            Msg::Up => self.cursor = 0,
            Msg::Down => self.cursor = 1,
            Msg::Back => {
                let sub = self.sub(ctx.state);
                self.arrive(sub, ctx.today, false);
            }
            Msg::Next | Msg::Toggle => match self.choices().get(self.cursor) {
                Some(Choice::Later) => {
                    let sub = self.sub(ctx.state);
                    *ctx.notice = Some(Notice::info(text::saved_incomplete(&sub.label)));
                    return Flow::Go(Journey {
                        screen: Screen::Home,
                        subscription: Some(self.id.clone()),
                    });
                }
                _ => {
                    let sub = self.sub(ctx.state);
                    self.arrive(sub, ctx.today, false);
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
        Flow::Stay
    }

    fn update_date(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        match self.date.on_msg(msg, ctx.today) {
            FieldEvent::Submit => self.submit_date(ctx),
            FieldEvent::Idle | FieldEvent::Cancelled => Flow::Stay,
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

/// The questions for this subscription, in order: an organization plan
/// follows from the channel, so its plan question is skipped.
pub fn questions(sub: &Subscription) -> Vec<Question> {
    if sub.channel == Some(Channel::Organization) {
        vec![Question::Channel, Question::Started, Question::Certificate]
    } else {
        vec![
            Question::Channel,
            Question::Plan,
            Question::Started,
            Question::Certificate,
        ]
    }
}

pub fn answered(sub: &Subscription, question: Question) -> bool {
    match question {
        Question::Channel => sub.channel.is_some(),
        Question::Plan => sub.plan.is_some(),
        Question::Started => sub.started.is_some(),
        Question::Certificate => sub.certificate_earned.is_some(),
    }
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
        Question::Channel => {
            sub.channel = None;
            if sub.plan == Some(PlanKind::Organization) {
                sub.plan = None;
            }
        }
        Question::Plan => sub.plan = None,
        Question::Started | Question::Certificate => {}
    }
}
