//! Two small sorts, written out because std's (two quicksorts, a merge sort) add several KB to
//! the wasm module (BENCHMARKS.md, "Size").

/// Sorts `v` by `key`, keeping the order of equal ones. An insertion sort: the issue lists it
/// sorts are capped at a few hundred.
pub(crate) fn stable_by_key<T, K: PartialOrd>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while let (Some(a), Some(b)) = (j.checked_sub(1).and_then(|k| v.get(k)), v.get(j)) {
            if key(a) <= key(b) {
                break;
            }
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `v` (not stably): a heapsort, O(n log n) for any input, whatever order an attacker
/// chose (the unknown keys of a hostile object, for its duplicates).
pub(crate) fn unstable<T: Ord>(v: &mut [T]) {
    // Moves v[root] down to its place in the heap v[..end].
    fn sift_down<T: Ord>(v: &mut [T], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v.get(child) < v.get(child + 1) {
                child += 1;
            }
            if v.get(root) >= v.get(child) {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    let len = v.len();
    for root in (0..len / 2).rev() {
        sift_down(v, root, len);
    }
    for end in (1..len).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_insertion_sort_is_stable() {
        let mut v: Vec<(u32, usize)> = (0..300).map(|i| ((i * 7919 % 13) as u32, i)).collect();
        let mut expected = v.clone();
        expected.sort_by_key(|p| p.0); // std's stable sort
        stable_by_key(&mut v, |p| p.0);
        assert_eq!(v, expected);
        let mut empty: [u8; 0] = [];
        stable_by_key(&mut empty, |b| *b);
    }

    /// The heapsort against std's sort: every length up to 70 and a few large ones, values
    /// from a small range (many equal ones) and a wide one, sorted and reversed inputs.
    #[test]
    fn the_heapsort_sorts_as_std_does() {
        let mut rng = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        for len in (0..70).chain([255, 256, 1000, 4097]) {
            for range in [3, 1 << 20] {
                let v: Vec<(u64, u16)> = (0..len).map(|_| (next() % range, (next() % 5) as u16)).collect();
                let mut sorted = v.clone();
                sorted.sort();
                for mut input in [v.clone(), sorted.clone(), sorted.iter().rev().copied().collect()] {
                    unstable(&mut input);
                    assert_eq!(input, sorted, "length {len}, range {range}");
                }
            }
        }
    }
}
