//! The built-in policy is checked at build time and stored as a blob (`build.rs`):
//! the blob must be the TOML, field for field, and the check the build runs must
//! refuse a bad policy as `--policy FILE` does.

use coursera_exit::domain::deadlines::DeadlineKind;
use coursera_exit::domain::plan::{Channel, PlanKind};
use coursera_exit::domain::policy::{ChecklistCondition, EMBEDDED_POLICY, Policy, PolicyError};

fn parsed() -> Policy {
    Policy::parse(EMBEDDED_POLICY).expect("the embedded policy is valid")
}

fn refused(policy: &Policy) -> String {
    match policy.validate() {
        Err(PolicyError(why)) => why,
        Ok(()) => panic!("the policy should be refused"),
    }
}

#[test]
fn the_embedded_policy_is_the_embedded_toml_field_for_field() {
    assert_eq!(Policy::embedded(), parsed());
}

#[test]
fn the_blob_carries_every_kind_of_value_through_unchanged() {
    let mut policy = parsed();
    policy.rules.margin_days = i64::MIN;
    policy.rules.course_refund_days = i64::MAX;
    policy.rules.support_reply_extension_months = u32::MAX - 1;
    policy.trial.lengths = vec![u32::MAX];
    policy.deadlines[1].eu_uk = "🇪🇺".to_string();
    policy.checklist[2].condition = ChecklistCondition::ForCredit;
    policy.rules.support_reply_months = u32::MAX;
    policy.plans.reverse();
    policy.channels[0].id = Channel::Organization;
    policy.plans[0].id = PlanKind::Organization;
    policy.deadlines[0].kind = DeadlineKind::SupportReplyDue;
    policy.checklist[0].condition = ChecklistCondition::Organization;
    policy.checklist[1].condition = ChecklistCondition::SocialSignIn;
    policy.pause.months = vec![];
    policy.faq[0].answer = "Ünïcödé — “quoted”, 🎓".to_string();
    policy.after_cancel.origin.as_of = String::new();
    assert_ne!(policy, parsed(), "the test must change the policy");

    assert_eq!(Policy::from_blob(&policy.to_blob()), Ok(policy));
}

#[test]
fn a_cut_or_padded_blob_is_an_error_not_a_panic() {
    let blob = parsed().to_blob();
    for cut in [0, 1, blob.len() / 2, blob.len() - 1] {
        assert!(Policy::from_blob(&blob[..cut]).is_err(), "cut at {cut}");
    }
    let mut padded = blob.clone();
    padded.push(0);
    let Err(PolicyError(why)) = Policy::from_blob(&padded) else {
        panic!("a padded blob should be refused");
    };
    assert!(why.contains("left over"), "{why}");
}

#[test]
fn the_build_time_check_refuses_a_number_out_of_range_naming_the_field() {
    let mut policy = parsed();
    policy.rules.margin_days = 31;
    assert_eq!(
        refused(&policy),
        "rules.margin_days: must be between 0 and 30 (found 31)"
    );
}

#[test]
fn the_build_time_check_refuses_a_missing_channel_naming_it() {
    let mut policy = parsed();
    policy.channels.retain(|c| c.id != Channel::Android);
    assert_eq!(refused(&policy), "channels: no entry with id = \"android\"");
}

#[test]
fn the_build_time_check_refuses_a_repeated_step_id_naming_it() {
    let mut policy = parsed();
    let id = policy.checklist[0].id.clone();
    policy.refund.steps[0].id = id.clone();
    assert_eq!(
        refused(&policy),
        format!("step and checklist ids must be unique: \"{id}\" appears twice")
    );
}

#[test]
fn the_build_time_parse_refuses_a_field_of_the_wrong_type_naming_it() {
    let text = EMBEDDED_POLICY.replacen("margin_days = 1\n", "margin_days = \"one\"\n", 1);
    assert_ne!(text, EMBEDDED_POLICY, "the policy should set margin_days = 1");
    let Err(PolicyError(why)) = Policy::parse(&text) else {
        panic!("a string margin should be refused");
    };
    assert!(why.contains("margin_days"), "{why}");
}

/// SPEC §2 names the sources the product may cite, and the day each is known
/// to have said what it says: every rule of the built-in policy cites one of
/// them with that day, and none is invented.
#[test]
fn every_rule_cites_a_source_of_spec_2_with_the_day_it_is_known_to_say_it() {
    const TERMS: &str = "2026-07-03";
    const PRIVACY: &str = "2026-05-12";
    const HELP_READ: &str = "2026-12-03";
    let allowed = [
        ("https://www.coursera.org/about/terms", TERMS),
        ("https://www.coursera.org/about/privacy", PRIVACY),
        ("https://www.coursera.support/s/learner-help-center", HELP_READ),
        (
            "https://www.coursera.support/s/article/learner-000001189",
            HELP_READ,
        ),
        (
            "https://www.coursera.support/s/article/learner-000001486",
            HELP_READ,
        ),
        (
            "https://learner.coursera.help/hc/en-us/articles/115001621606",
            HELP_READ,
        ),
        (
            "https://learner.coursera.help/hc/en-us/articles/208279596",
            HELP_READ,
        ),
        ("https://www.coursera.org/account-settings", HELP_READ),
        ("Cancel guide", "2026-01-18"),
        ("Account deletion guide", "2026-11-21"),
    ];
    let policy = Policy::embedded();
    let origins = policy.origins();
    assert!(origins.len() > 40, "every rule is listed");
    for (at, origin) in origins {
        let known = allowed.iter().find(|(source, _)| *source == origin.source);
        let Some((_, as_of)) = known else {
            panic!("{at}: {} is not a source SPEC §2 names", origin.source);
        };
        assert_eq!(origin.as_of, *as_of, "{at}: {}", origin.source);
    }
    // The rules were last checked when the terms were recorded or the help pages read.
    assert_eq!(policy.checked_on().to_string(), HELP_READ);
}
