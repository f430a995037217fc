//! Runs the real `coursera-exit` binary against a state file in a temporary
//! folder, and reads its JSON keeping the order of object keys (the order is
//! part of the SPEC §6 contract, and `serde_json::Value` sorts keys).

#![allow(dead_code)] // each test crate uses its own part of this module

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

pub const BIN: &str = env!("CARGO_BIN_EXE_coursera-exit");

/// `add --plan PLAN --channel CHANNEL --started STARTED`, the three answers
/// every `add` needs.
pub const fn add_args<'a>(plan: &'a str, channel: &'a str, started: &'a str) -> [&'a str; 7] {
    ["add", "--plan", plan, "--channel", channel, "--started", started]
}

/// A state file of its own and a fixed "today"; the environment variable is
/// removed so the person running the tests cannot leak their state in.
pub struct Sandbox {
    dir: tempfile::TempDir,
    pub today: &'static str,
}

impl Sandbox {
    pub fn new(today: &'static str) -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("a temporary folder"),
            today,
        }
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn state(&self) -> PathBuf {
        self.dir.path().join("state.toml")
    }

    pub fn state_bytes(&self) -> Vec<u8> {
        std::fs::read(self.state()).unwrap_or_default()
    }

    /// The binary with no arguments and no state variable.
    pub fn bare(&self) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.env_remove("COURSERA_EXIT_STATE").current_dir(self.dir.path());
        cmd
    }

    /// `--state <file> --today <today> ARGS…`
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_on(self.today, args)
    }

    pub fn run_on(&self, today: &str, args: &[&str]) -> Run {
        let mut cmd = self.bare();
        cmd.arg("--state")
            .arg(self.state())
            .args(["--today", today])
            .args(args);
        Run::from(cmd.output().expect("the binary runs"), args)
    }

    /// Runs a command that must succeed and returns its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        self.run(args).success().stdout
    }

    pub fn ok_on(&self, today: &str, args: &[&str]) -> String {
        self.run_on(today, args).success().stdout
    }

    /// Adds a subscription and returns the printed id.
    pub fn add(&self, plan: &str, channel: &str, started: &str) -> String {
        let out = self.ok(&add_args(plan, channel, started));
        out.trim_end().to_string()
    }

    pub fn deadlines(&self) -> Json {
        Json::parse(&self.ok(&["deadlines", "--json"]))
    }

    pub fn deadlines_on(&self, today: &str) -> Json {
        Json::parse(&self.ok_on(today, &["deadlines", "--json"]))
    }

    pub fn status(&self) -> Json {
        Json::parse(&self.ok(&["status", "--json"]))
    }

    /// The first subscription object of `status --json`.
    pub fn subscription(&self, id: &str) -> Json {
        let status = self.status();
        status["subscriptions"]
            .items()
            .iter()
            .find(|s| s["id"].str() == id)
            .unwrap_or_else(|| panic!("{id} not in status: {status:?}"))
            .clone()
    }
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub args: String,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub raw_stdout: Vec<u8>,
}

impl Run {
    pub fn from(output: Output, args: &[&str]) -> Run {
        Run {
            args: args.join(" "),
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            raw_stdout: output.stdout,
        }
    }

    pub fn success(self) -> Run {
        assert_eq!(self.code, Some(0), "`{}` failed: {}", self.args, self.stderr);
        self
    }

    /// Exit `code` with every `needles` on standard error.
    pub fn fails_with(self, code: i32, needles: &[&str]) -> Run {
        assert_eq!(
            self.code,
            Some(code),
            "`{}`: expected exit {code}; stdout {:?} stderr {:?}",
            self.args,
            self.stdout,
            self.stderr
        );
        for needle in needles {
            assert!(
                self.stderr.contains(needle),
                "`{}`: stderr should contain {needle:?}: {}",
                self.args,
                self.stderr
            );
        }
        self
    }
}

/// A JSON value whose objects keep their keys in the order they were written.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    pub fn parse(text: &str) -> Json {
        serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
    }

    pub fn keys(&self) -> Vec<&str> {
        match self {
            Json::Obj(fields) => fields.iter().map(|(k, _)| k.as_str()).collect(),
            other => panic!("not an object: {other:?}"),
        }
    }

    pub fn items(&self) -> &[Json] {
        match self {
            Json::Arr(items) => items,
            other => panic!("not an array: {other:?}"),
        }
    }

    pub fn str(&self) -> &str {
        match self {
            Json::Str(s) => s,
            other => panic!("not a string: {other:?}"),
        }
    }

    pub fn int(&self) -> i64 {
        match self {
            Json::Int(n) => *n,
            other => panic!("not an integer: {other:?}"),
        }
    }

    pub fn bool(&self) -> bool {
        match self {
            Json::Bool(b) => *b,
            other => panic!("not a boolean: {other:?}"),
        }
    }

    pub fn is_null(&self) -> bool {
        *self == Json::Null
    }
}

impl std::ops::Index<&str> for Json {
    type Output = Json;

    /// A missing key is a test failure, not a null: the contract lists every key.
    fn index(&self, key: &str) -> &Json {
        match self {
            Json::Obj(fields) => fields
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v)
                .unwrap_or_else(|| panic!("no key {key:?} in {self:?}")),
            other => panic!("not an object: {other:?}"),
        }
    }
}

impl std::ops::Index<usize> for Json {
    type Output = Json;

    fn index(&self, i: usize) -> &Json {
        &self.items()[i]
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Json, E> {
        Ok(Json::Int(n))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Json, E> {
        i64::try_from(n).map(Json::Int).map_err(E::custom)
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Json, E> {
        Ok(Json::Float(n))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Json, E> {
        Ok(Json::Str(s.to_string()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Arr(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut fields = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, Json>()? {
            fields.push((k, v));
        }
        Ok(Json::Obj(fields))
    }
}

/// One expected `deadlines` row, keys in the order of SPEC §6.
pub struct Row<'a> {
    pub subscription: Option<&'a str>,
    pub label: &'a str,
    pub plan: Option<&'a str>,
    pub kind: &'a str,
    pub date: &'a str,
    pub days_left: i64,
    pub urgency: &'a str,
    pub done: bool,
}

impl Row<'_> {
    pub fn json(&self) -> Json {
        let opt = |v: Option<&str>| v.map_or("null".to_string(), |s| format!("{s:?}"));
        Json::parse(&format!(
            r#"{{"subscription": {}, "label": {:?}, "plan": {}, "kind": {:?}, "date": {:?}, "days_left": {}, "urgency": {:?}, "done": {}}}"#,
            opt(self.subscription),
            self.label,
            opt(self.plan),
            self.kind,
            self.date,
            self.days_left,
            self.urgency,
            self.done
        ))
    }
}

/// Compares the `deadlines` array with the expected rows, in order, key by key.
pub fn assert_rows(deadlines: &Json, expected: &[Row]) {
    let got = deadlines.items();
    let want: Vec<Json> = expected.iter().map(Row::json).collect();
    let kinds = |rows: &[Json]| -> Vec<String> {
        rows.iter()
            .map(|r| format!("{} {}", r["kind"].str(), r["date"].str()))
            .collect()
    };
    assert_eq!(kinds(got), kinds(&want), "rows (kind, date) differ");
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w, "row differs (values or key order)");
    }
}

/// (kind, date) of each row, for tests about which rows exist.
pub fn kinds_and_dates(deadlines: &Json) -> Vec<(String, String)> {
    deadlines
        .items()
        .iter()
        .map(|r| (r["kind"].str().to_string(), r["date"].str().to_string()))
        .collect()
}
