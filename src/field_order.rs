//! Which field followed which in the payloads read so far: most payloads come from one
//! serialiser and write their fields in the same order, so both passes first compare a key with
//! the field that followed the previous one last time (and, for an object's first key, with the
//! field that kind of object started with), and look the key up only when that guess is wrong.
//! Only guesses: every caller compares the name in full before using one, so a wrong or stale
//! guess costs one comparison, never a wrong answer (tests/fast_path.rs,
//! `a_learned_field_order_never_changes_an_answer`). The only state kept between calls besides
//! the buffers.

use crate::model::Field;
use core::sync::atomic::{AtomicU64, Ordering};

/// For a field (by address), the index of the next field in its object; and for an object's
/// list of fields, the index of its first one. Small direct-mapped tables: two addresses on one
/// slot cost misses, never a wrong answer.
static NEXT_FIELD: [AtomicU64; 256] = [const { AtomicU64::new(0) }; 256];
static FIRST_FIELD: [AtomicU64; 64] = [const { AtomicU64::new(0) }; 64];

/// The field guessed to come next in an object with these lists of fields: the one that came
/// after `previous` last time, or, for the first member (`at_start`), the one such an object
/// started with. Its index in `common` then `fields`, and the field; the caller compares names.
#[inline(always)]
pub fn guess(
    previous: Option<&'static Field>,
    at_start: bool,
    common: &'static [Field],
    fields: &'static [Field],
) -> Option<(usize, &'static Field)> {
    let i = match previous {
        Some(field) => load(&NEXT_FIELD, address(field))?,
        None if at_start => load(&FIRST_FIELD, list_address(common, fields))?,
        None => return None,
    };
    let field = common.get(i).or_else(|| fields.get(i.checked_sub(common.len())?))?;
    Some((i, field))
}

/// Remembers that field `index` came after `previous` (or first, when `at_start`).
#[inline]
pub fn learn(previous: Option<&'static Field>, at_start: bool, common: &'static [Field], fields: &'static [Field], index: usize) {
    if let Some(previous) = previous {
        store(&NEXT_FIELD, address(previous), index);
    } else if at_start {
        store(&FIRST_FIELD, list_address(common, fields), index);
    }
}

fn address(field: &'static Field) -> usize {
    field as *const Field as usize
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
