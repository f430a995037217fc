//! Several Coursera accounts: adding one, naming it, removing one nothing
//! points at, and finding the account a command means.

use super::{Field, Refusal, clean_label, refuse};
use crate::domain::state::{ACCOUNT_ID, ACCOUNT_WORDS, Account, State, looks_like_account_id};

/// The account a command means: the one named, or the only one there is.
/// `account` (the word) is accepted for the only account, as `guide account` and
/// `done ITEM` always meant it.
pub fn which(state: &State, named: Option<&str>) -> Result<String, Refusal> {
    // `A2` is a2: ids are written in lower case, a capital is a slip.
    let found = named.and_then(|id| state.accounts.iter().find(|a| a.id.eq_ignore_ascii_case(id)));
    match named {
        Some(_) if found.is_some() => Ok(found.expect("just found").id.clone()),
        Some(ACCOUNT_ID) | None if !state.several_accounts() => Ok(state.first_account().id.clone()),
        // The word `account`, or nothing: which of them is meant.
        Some(ACCOUNT_ID) | None => refuse(
            if named.is_some() {
                Field::Id
            } else {
                Field::Account
            },
            named.unwrap_or_default(),
            format!(
                "there are {} accounts ({}): say which one this is about",
                state.accounts.len(),
                state.account_ids(),
            ),
        ),
        Some(id) => refuse(
            Field::Account,
            id,
            format!("no such account; known: {}", state.account_ids()),
        ),
    }
}

/// Adds an account with a label to tell it apart; returns its id (`a2`, …).
pub fn add(state: &mut State, label: &str) -> Result<String, Refusal> {
    let label = clean_label(label)?;
    not_taken(state, &label, None)?;
    let Some(next) = state.next_account_id.checked_add(1) else {
        return refuse(
            Field::Account,
            format!("next_account_id = {}", state.next_account_id),
            "the largest id there is: no more accounts can be added to this state file",
        );
    };
    let id = format!("a{}", state.next_account_id);
    state.next_account_id = next;
    state.accounts.push(Account::new(id.clone(), Some(label)));
    Ok(id)
}

/// Gives an account a new label.
pub fn relabel(state: &mut State, id: &str, label: &str) -> Result<(), Refusal> {
    let id = which(state, Some(id))?;
    let label = clean_label(label)?;
    not_taken(state, &label, Some(&id))?;
    state.account_mut(&id).expect("checked by which").label = Some(label);
    Ok(())
}

/// Two accounts with one label could not be told apart (case and spaces aside).
fn not_taken(state: &State, label: &str, except: Option<&str>) -> Result<(), Refusal> {
    // "a2" as a label would read as another account's id everywhere it is shown.
    if looks_like_account_id(label) {
        return refuse(
            Field::Label,
            label,
            "reads as an account's id (a1, a2, …); use its email or how you sign in",
        );
    }
    // An account with no label is shown as "Coursera account": that name is taken too.
    let same = |a: &&Account| {
        Some(a.id.as_str()) != except
            && a.label
                .as_deref()
                .unwrap_or(ACCOUNT_WORDS)
                .trim()
                .eq_ignore_ascii_case(label.trim())
    };
    match state.accounts.iter().find(same) {
        Some(other) => refuse(
            Field::Label,
            label,
            format!(
                "{} is already called that; give each account its own label",
                other.id
            ),
        ),
        None => Ok(()),
    }
}

/// Stops tracking an account. Refused while a subscription names it (move or
/// remove those first), and for the last account: there is always one.
pub fn remove(state: &mut State, id: &str) -> Result<Account, Refusal> {
    let id = which(state, Some(id))?;
    if !state.several_accounts() {
        return refuse(
            Field::Account,
            &id,
            "the only account; there is always one (delete-account plans its deletion)",
        );
    }
    let paying: Vec<&str> = state.paid_by(&id).map(|s| s.id.as_str()).collect();
    if !paying.is_empty() {
        return refuse(
            Field::Account,
            &id,
            format!(
                "it pays for {}; move each to another account first (edit ID --account …) or remove it",
                paying.join(", ")
            ),
        );
    }
    if let Some(on) = state.account(&id).and_then(|a| a.requested_on) {
        return refuse(
            Field::Account,
            &id,
            format!(
                "its deletion was requested on {on}, and the reply is tracked; \
                 undo that first (delete-account {id} --undo) if you mean to stop tracking it"
            ),
        );
    }
    if state.account_focus.as_deref() == Some(id.as_str()) {
        state.account_focus = None;
    }
    let index = state
        .accounts
        .iter()
        .position(|a| a.id == id)
        .expect("checked by which");
    let removed = state.accounts.remove(index);
    // A plan whose account is not named yet was filed under this one: it
    // goes under the first that is left, still not named.
    let first = state.first_account().id.clone();
    for sub in state.subscriptions.iter_mut().filter(|s| s.account == id) {
        sub.account = first.clone();
    }
    Ok(removed)
}
