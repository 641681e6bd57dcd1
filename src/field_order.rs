//! Which field followed which in the payloads read so far: most payloads come from one
//! serialiser and write their fields in the same order, so the walker first compares a key with
//! the field that followed the previous one last time (for an object's first key, with the
//! field that kind of object started with; after a union's tag, with the field that followed
//! that variant's tag), and looks the key up only when that guess is wrong.
//! Only guesses: every caller compares the name in full before using one, so a wrong or stale
//! guess costs one comparison, never a wrong answer (tests/quick_pass.rs,
//! `a_learned_field_order_never_changes_an_answer`). The only state kept between calls besides
//! the buffers.

use crate::model::{Field, Object};
use core::sync::atomic::{AtomicU64, Ordering};

/// What came before the member whose key is guessed.
#[derive(Clone, Copy)]
pub enum After {
    /// Nothing: the object's first member.
    Start,
    /// A member of this field.
    Field(&'static Field),
    /// A union's tag, which named this variant: the variant's fields usually follow in one order.
    Tag(&'static Object),
    /// Anything else (an unknown key): no guess.
    Other,
}

/// For a field (by address), the index of the member that followed it last time; for an
/// object's list of fields (by the address of its first), the index of its first member; for a
/// variant (by its object's address), the index of the member after its tag. Direct-mapped
/// tables: two addresses on one slot cost misses, never a wrong answer. They are large enough
/// (1 024 slots of fields, 8 KB each, zeroed memory) that the model's field lists, which lie
/// together, do not share slots: with 64 slots two lists met in one build and missed their
/// guess on every payload.
static NEXT_FIELD: [AtomicU64; 1024] = [const { AtomicU64::new(0) }; 1024];
static FIRST_FIELD: [AtomicU64; 1024] = [const { AtomicU64::new(0) }; 1024];
static AFTER_TAG: [AtomicU64; 256] = [const { AtomicU64::new(0) }; 256];

/// The field guessed to come next in an object with these lists of fields, `after` what came
/// before it: its index in `common` then `fields`, and the field; the caller compares names.
#[inline(always)]
pub fn guess(after: After, common: &'static [Field], fields: &'static [Field]) -> Option<(usize, &'static Field)> {
    let i = match after {
        After::Field(field) => load(&NEXT_FIELD, address(field))?,
        After::Tag(variant) => load(&AFTER_TAG, object_address(variant))?,
        After::Start => load(&FIRST_FIELD, list_address(common, fields))?,
        After::Other => return None,
    };
    let field = common.get(i).or_else(|| fields.get(i.checked_sub(common.len())?))?;
    Some((i, field))
}

/// Remembers that field `index` came `after` what it did.
#[inline]
pub fn learn(after: After, common: &'static [Field], fields: &'static [Field], index: usize) {
    match after {
        After::Field(field) => store(&NEXT_FIELD, address(field), index),
        After::Tag(variant) => store(&AFTER_TAG, object_address(variant), index),
        After::Start => store(&FIRST_FIELD, list_address(common, fields), index),
        After::Other => {}
    }
}
fn address(field: &'static Field) -> usize {
    field as *const Field as usize
}

/// An object's address, scaled like a field's (see [`slot`]): objects are statics of their own.
fn object_address(object: &'static Object) -> usize {
    object as *const Object as usize / core::mem::size_of::<Object>() * core::mem::size_of::<Field>()
}

/// The address that names an object's fields for [`FIRST_FIELD`]: its first list of fields.
fn list_address(common: &'static [Field], fields: &'static [Field]) -> usize {
    if common.is_empty() {
        fields.as_ptr() as usize
    } else {
        common.as_ptr() as usize
    }
}

/// The slot of `address` in `table`, and the tag that marks it as that address's.
fn slot(table: &'static [AtomicU64], address: usize) -> Option<(&'static AtomicU64, u64)> {
    let slot = table.get((address / core::mem::size_of::<Field>()) % table.len())?;
    Some((slot, (address as u64) << 8))
}

#[inline(always)]
fn load(table: &'static [AtomicU64], address: usize) -> Option<usize> {
    let (slot, tag) = slot(table, address)?;
    let entry = slot.load(Ordering::Relaxed);
    (entry & !0xFF == tag).then_some((entry & 0xFF) as usize)
}

#[inline(always)]
fn store(table: &'static [AtomicU64], address: usize, index: usize) {
    if let (Some((slot, tag)), Ok(index)) = (slot(table, address), u8::try_from(index)) {
        slot.store(tag | u64::from(index), Ordering::Relaxed);
    }
}
