//! The embedded policy's build-time form: `build.rs` (which includes this file)
//! writes the checked `assets/policy.toml` with `to_blob`, and every start reads
//! it back with `from_blob`, a copy of each string instead of a TOML parse.
//!
//! Hand-made because the serde binary formats (postcard, bincode) cannot carry
//! `#[serde(flatten)]`, which puts `source`/`as_of` beside every rule's fields
//! in the TOML; dropping the flatten would change the messages of `--policy`.
//! Layout: numbers and lengths little-endian (u32 for lengths, counts and
//! `u32`, 8 bytes for `i64`), strings as UTF-8, enums as their index in `ALL`.

use super::data::{
    AccountKeepRule, ChannelRule, ChecklistCondition, ChecklistRule, DeadlineText, FaqEntry, PauseRule,
    PlanRule, Policy, PolicyError, RefundRule, RegionRule, Rules, Source, StepRule, Text, TrialRule,
    TroubleshootingEntry,
};
use super::{Channel, DeadlineKind, PlanKind};

impl Policy {
    pub fn to_blob(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.put(&mut out);
        out
    }

    /// Reads what `to_blob` wrote, all of it; any other bytes are an error, not a panic.
    pub fn from_blob(bytes: &[u8]) -> Result<Policy, PolicyError> {
        let mut reader = Reader { bytes, at: 0 };
        let policy = Policy::take(&mut reader)?;
        if reader.at != bytes.len() {
            return Err(reader.error("bytes left over"));
        }
        Ok(policy)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn bytes(&mut self, n: usize) -> Result<&'a [u8], PolicyError> {
        let end = self.at.checked_add(n).filter(|&end| end <= self.bytes.len());
        let end = end.ok_or_else(|| self.error("cut short"))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], PolicyError> {
        Ok(self.bytes(N)?.try_into().expect("bytes(N) is N bytes long"))
    }

    fn len(&mut self) -> Result<usize, PolicyError> {
        Ok(u32::take(self)? as usize)
    }

    #[cold]
    #[inline(never)]
    fn error(&self, what: &str) -> PolicyError {
        PolicyError(format!("embedded policy: {what} at byte {}", self.at))
    }
}

trait Blob: Sized {
    fn put(&self, out: &mut Vec<u8>);
    fn take(reader: &mut Reader<'_>) -> Result<Self, PolicyError>;
}

impl Blob for u32 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }

    fn take(reader: &mut Reader<'_>) -> Result<Self, PolicyError> {
        Ok(u32::from_le_bytes(reader.array()?))
    }
}

impl Blob for i64 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }

    fn take(reader: &mut Reader<'_>) -> Result<Self, PolicyError> {
        Ok(i64::from_le_bytes(reader.array()?))
    }
}

fn put_len(len: usize, out: &mut Vec<u8>) {
    u32::try_from(len)
        .expect("a policy is far smaller than 4 GiB")
        .put(out);
}

impl Blob for String {
    fn put(&self, out: &mut Vec<u8>) {
        put_len(self.len(), out);
        out.extend_from_slice(self.as_bytes());
    }

    fn take(reader: &mut Reader<'_>) -> Result<Self, PolicyError> {
        let len = reader.len()?;
        let bytes = reader.bytes(len)?;
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text.to_owned()),
            Err(_) => Err(reader.error("a string that is not UTF-8")),
        }
    }
}

impl<T: Blob> Blob for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        put_len(self.len(), out);
        for item in self {
            item.put(out);
        }
    }

    fn take(reader: &mut Reader<'_>) -> Result<Self, PolicyError> {
        let len = reader.len()?;
        // Every item takes at least one byte, so a bad count reserves room for
        // at most as many items as there are bytes left, never an absurd amount.
        let mut items = Vec::with_capacity(len.min(reader.bytes.len() - reader.at));
        for _ in 0..len {
            items.push(T::take(reader)?);
        }
        Ok(items)
    }
}

/// A field-less enum as its index in `ALL`.
macro_rules! blob_enum {
    ($($kind:ident),* $(,)?) => {$(
        impl Blob for $kind {
            fn put(&self, out: &mut Vec<u8>) {
                let index = $kind::ALL.iter().position(|k| k == self);
                put_len(index.expect(concat!(stringify!($kind), "::ALL lists every variant")), out);
            }

            fn take(reader: &mut Reader<'_>) -> Result<Self, PolicyError> {
                let index = reader.len()?;
                $kind::ALL
                    .get(index)
                    .copied()
                    .ok_or_else(|| reader.error(concat!("an unknown ", stringify!($kind))))
            }
        }
    )*};
}

blob_enum!(PlanKind, Channel, DeadlineKind, ChecklistCondition);

/// A struct as its fields in the order listed. `put` destructures without `..`,
/// so a field added to a type but not here does not compile.
macro_rules! blob_struct {
    ($($name:ident { $($field:ident),* $(,)? })*) => {$(
        impl Blob for $name {
            fn put(&self, out: &mut Vec<u8>) {
                let $name { $($field),* } = self;
                $($field.put(out);)*
            }

            #[inline(never)]
            fn take(reader: &mut Reader<'_>) -> Result<Self, PolicyError> {
                Ok($name { $($field: Blob::take(reader)?),* })
            }
        }
    )*};
}

blob_struct! {
    Policy {
        rules, plans, channels, pause, refund, trial, region, deadlines, checklist, account_keep,
        after_cancel, after_deletion, faq, troubleshooting,
    }
    Source { source, as_of }
    Rules {
        margin_days, course_refund_days, specialization_refund_days, annual_refund_days,
        withdrawal_days, refund_wait_business_days, trial_days, missed_refund_listed_days,
        support_reply_months, support_reply_extension_months, origin,
    }
    PlanRule { id, name, question, billing, refund, notes, certificate, origin }
    ChannelRule { id, name, question, cancel_where, steps, warnings, origin }
    StepRule { id, text }
    PauseRule { months, caveat, how, consequences, origin }
    RefundRule { steps, app_store, may_refuse, wait, separate, origin }
    TrialRule { question, hint, lengths, no_certificate, origin }
    RegionRule { question, why, eu_uk, elsewhere, not_sure, not_covered, certificate, how, origin }
    DeadlineText { kind, title, summary, how, overdue, overdue_margin, eu_uk, origin }
    ChecklistRule { id, title, why, how, condition, origin }
    AccountKeepRule { summary, steps, origin }
    Text { text, origin }
    FaqEntry { question, answer, origin }
    TroubleshootingEntry { problem, fix, origin }
}
