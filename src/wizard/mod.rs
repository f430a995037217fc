//! The wizard as a pure state machine: messages in, effects out. No terminal here.
