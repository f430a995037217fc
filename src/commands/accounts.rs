//! `account add|list|rename|remove`: the accounts a person has, each paying
//! for its own subscriptions.

use std::fmt::Write as _;
use std::io::Write;

use super::{Context, Failure, emit, emit_json, emit_text, write};
use crate::cli::AccountArgs;
use crate::domain::actions::accounts;
use crate::domain::state::{ACCOUNT_WORDS, State};
use crate::store;

const ACTIONS: &str = "add, list, rename or remove";

pub fn run(ctx: &Context, a: AccountArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let usage = |text: String| Err(Failure::Usage(text));
    match (a.action.as_str(), a.id.as_deref(), a.label.as_deref(), a.json) {
        ("list", None, None, json) => {
            let state = store::load(&ctx.state_path)?;
            if json {
                emit_json(out, &super::json::accounts(&state, &ctx.policy))
            } else {
                emit_text(out, &list(&state))
            }
        }
        ("add", None, Some(label), false) => {
            let id = write(ctx, |state| Ok(accounts::add(state, label)?))?;
            emit(out, &format!("{id}\n"))
        }
        ("rename", Some(id), Some(label), false) => write(ctx, |state| Ok(accounts::relabel(state, id, label)?)),
        ("remove", Some(id), None, false) => write(ctx, |state| accounts::remove(state, id).map(drop).map_err(Into::into)),
        ("add", None, None, _) => usage("account add needs --label TEXT: how you tell the account apart (its email, \"Google sign-in\", …)".into()),
        ("rename", Some(_), None, _) => usage("account rename ID needs --label TEXT".into()),
        ("rename" | "remove", None, _, _) => usage(format!("account {} needs the account's id (a1, a2, …; listed by `account list`)", a.action)),
        ("add" | "list" | "rename" | "remove", _, _, _) => usage(format!(
            "account {}: takes {}",
            a.action,
            match a.action.as_str() {
                "add" => "--label TEXT only",
                "list" => "--json only",
                "rename" => "an id and --label TEXT only",
                _ => "an id only",
            }
        )),
        (other, _, _, _) => usage(format!("account {other}: not an action; use {ACTIONS}")),
    }
}

/// One line per account: its id, label, decision and what it pays for.
fn list(state: &State) -> String {
    let mut s = String::new();
    for account in &state.accounts {
        let label = account.label.as_deref().unwrap_or(ACCOUNT_WORDS);
        let decision = account.decision.map_or("not decided", |d| d.id());
        let paid: Vec<&str> = state.paid_by(&account.id).map(|s| s.id.as_str()).collect();
        let paid = if paid.is_empty() {
            "pays for nothing tracked".to_string()
        } else {
            format!("pays for {}", paid.join(", "))
        };
        let _ = write!(s, "{}  {label}  decision: {decision} · {paid}", account.id);
        if let Some(r) = account.requested_on {
            let _ = write!(s, " · deletion requested {r}");
        }
        let _ = writeln!(s);
    }
    s
}
