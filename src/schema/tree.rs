//! The span tree as a JSON document the validator reads in place.
//!
//! `jsonschema` validates any representation that implements its
//! [`Json`] trait. Validating the tree itself, instead of a
//! `serde_json::Value` copy of it, saves building that copy of every file;
//! the JSON form ([`yaml::to_json`]) is made only for the values an error
//! quotes.

use std::borrow::Cow;

use jsonschema::json::{Array, Json, Node as JsonNode, NodeIdentity, Object};
use jsonschema::types::JsonType;
use serde_json::{Number, Value as JsonValue};

use crate::yaml::{self, Entry, Node, Value};

/// The span tree as a `jsonschema` representation.
pub struct Tree;

/// A reusable node holding one property name, for `propertyNames`.
pub struct NameBuffer(Node);

impl Default for NameBuffer {
    fn default() -> Self {
        Self(Node {
            value: Value::Str(String::new()),
            span: Default::default(),
            via: None,
        })
    }
}

impl Json for Tree {
    type Node<'a> = &'a Node;
    type PreparedKey = String;
    type StringBuffer = NameBuffer;

    // Mappings are searched linearly, so a pass over the members beats more
    // than a couple of lookups.
    const KEYS_PER_LOOKUP: usize = 2;
    // Aliases are copied into the tree, so no node is its own descendant.
    const ACYCLIC: bool = true;

    fn prepare_key(key: &str) -> String {
        key.to_owned()
    }

    fn with_string_node<T>(buffer: &mut NameBuffer, string: &str, f: impl FnOnce(&Node) -> T) -> T {
        match &mut buffer.0.value {
            Value::Str(name) => {
                name.clear();
                name.push_str(string);
            }
            other => *other = Value::Str(string.to_owned()),
        }
        f(&buffer.0)
    }
}

/// The number a scalar holds, as JSON has it; `None` for a float JSON
/// cannot hold (which [`yaml::to_json`] makes null).
fn number(value: &Value) -> Option<Number> {
    match value {
        Value::Int(i) => Some(Number::from(*i)),
        Value::Float(x) => Number::from_f64(*x),
        _ => None,
    }
}

impl<'a> JsonNode<'a, Tree> for &'a Node {
    type Object = Mapping<'a>;
    type Array = Items<'a>;
    type Number = Number;

    fn as_object(&self) -> Option<Mapping<'a>> {
        match &self.value {
            Value::Map(entries) => Some(Mapping(entries)),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<Items<'a>> {
        match &self.value {
            Value::Seq(items) => Some(Items(items)),
            _ => None,
        }
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        match &self.value {
            Value::Str(text) => Some(Cow::Borrowed(text)),
            _ => None,
        }
    }

    fn as_number(&self) -> Option<Number> {
        number(&self.value)
    }

    fn is_number(&self) -> bool {
        match &self.value {
            Value::Int(_) => true,
            Value::Float(x) => x.is_finite(),
            _ => false,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        self.json_type() == JsonType::Null
    }

    fn json_type(&self) -> JsonType {
        match &self.value {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Int(_) => JsonType::Number,
            Value::Float(x) if x.is_finite() => JsonType::Number,
            Value::Float(_) => JsonType::Null,
            Value::Str(_) => JsonType::String,
            Value::Seq(_) => JsonType::Array,
            Value::Map(_) => JsonType::Object,
        }
    }

    // `enum` and `const` compare every role, hours and level: strings and
    // numbers are compared in place rather than through a JSON copy.
    fn equals_value(&self, expected: &JsonValue) -> bool {
        match (&self.value, expected) {
            (Value::Str(text), JsonValue::String(other)) => text == other,
            (Value::Str(_), _) | (_, JsonValue::String(_)) => false,
            (Value::Bool(b), JsonValue::Bool(other)) => b == other,
            (Value::Int(_) | Value::Float(_), JsonValue::Number(_)) => number(&self.value)
                .is_some_and(|n| jsonschema::json::cmp::equal(&JsonValue::Number(n), expected)),
            _ => jsonschema::json::cmp::equal(&self.to_value(), expected),
        }
    }

    fn to_value(&self) -> Cow<'a, JsonValue> {
        Cow::Owned(yaml::to_json(self))
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::new(std::ptr::from_ref::<Node>(self) as usize))
    }
}

/// A mapping of the tree.
#[derive(Clone, Copy)]
pub struct Mapping<'a>(&'a [Entry]);

/// The members of a mapping, in file order.
pub struct Members<'a>(std::slice::Iter<'a, Entry>);

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, &'a Node);

    fn next(&mut self) -> Option<Self::Item> {
        self.0
            .next()
            .map(|entry| (entry.key.as_str(), &entry.value))
    }
}

impl<'a> Object<'a, Tree> for Mapping<'a> {
    type Node = &'a Node;
    type MemberName = &'a str;
    type MembersIter = Members<'a>;

    fn len(&self) -> usize {
        self.0.len()
    }

    fn get(&self, key: &String) -> Option<&'a Node> {
        // The first of a key written twice, as in the JSON form (the loader
        // reports duplicates before validation, so there are none here).
        self.0.iter().find(|e| e.key == *key).map(|e| &e.value)
    }

    fn members(&self) -> Members<'a> {
        Members(self.0.iter())
    }
}

/// A sequence of the tree.
#[derive(Clone, Copy)]
pub struct Items<'a>(&'a [Node]);

impl<'a> Array<'a, Tree> for Items<'a> {
    type Node = &'a Node;
    type ElementsIter = std::slice::Iter<'a, Node>;

    fn len(&self) -> usize {
        self.0.len()
    }

    fn elements(&self) -> std::slice::Iter<'a, Node> {
        self.0.iter()
    }
}
