//! "Did you mean": the known name that a near miss was probably meant to be. Near means the same
//! name but for case, surrounding space or `-`/` ` for `_` (`"Message"`, `"chat-pinned"`), or a
//! small edit distance (`"mesage"`, `"bussiness_id"`): 1 for names of 4 to 7 characters, 2 from 8.

/// Longest name compared: the work stays small whatever a payload holds.
const MAX_LEN: usize = 64;

fn normalised_char(c: char) -> char {
    if c == '-' || c == ' ' {
        '_'
    } else {
        c.to_ascii_lowercase()
    }
}

/// The name as compared: trimmed, lower case (ASCII), `-` and ` ` as `_`; one char per char.
fn normalised(name: &str) -> impl Iterator<Item = char> + '_ {
    name.trim().chars().map(normalised_char)
}

/// Levenshtein distance of two short ASCII-ish strings (by chars), one row at a time.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let left = row.get(j).copied().unwrap_or(usize::MAX);
            let next = (diagonal + usize::from(ca != cb))
                .min(above.saturating_add(1))
                .min(left.saturating_add(1));
            diagonal = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = next;
            }
        }
    }
    row.last().copied().unwrap_or(usize::MAX)
}

/// The one known name `name` is a near miss of, or `None` (for a known name itself, a name near
/// none, or one near two equally).
pub fn near_miss<'k>(name: &str, known: impl IntoIterator<Item = &'k str> + Clone) -> Option<&'k str> {
    if name.len() > MAX_LEN || known.clone().into_iter().any(|k| k == name) {
        return None;
    }
    // One buffer for every known name: this runs for every unknown event, element and key.
    let mut wanted: Vec<char> = Vec::new();
    wanted.extend(normalised(name));
    let mut candidate: Vec<char> = Vec::new();
    let mut best: Option<(usize, &str)> = None;
    let mut tie = false;
    for k in known {
        candidate.clear();
        candidate.extend(normalised(k));
        // The same name but for case, separators or space wins over any nearer guess.
        if candidate == wanted {
            return Some(k);
        }
        let allowed = match k.len() {
            0..=3 => 0,
            4..=7 => 1,
            _ => 2,
        };
        // Two names are never nearer than their difference in length: no distance for them.
        if candidate.len() + allowed < wanted.len() || wanted.len() + allowed < candidate.len() {
            continue;
        }
        // Never 0 here: equal names returned above.
        let d = distance(&wanted, &candidate);
        if d > allowed {
            continue;
        }
        match best {
            Some((b, _)) if d > b => {}
            Some((b, _)) if d == b => tie = true,
            _ => {
                best = Some((d, k));
                tie = false;
            }
        }
    }
    if tie {
        None
    } else {
        best.map(|(_, k)| k)
    }
}

#[cfg(test)]
mod tests {
    use super::{distance, near_miss, MAX_LEN};

    /// near_miss as it was before it skipped names of another length and stopped allocating per
    /// name: the current one must give the same answer (the guard of those speed-ups).
    fn near_miss_as_first_written<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
        let normalise = |name: &str| -> String {
            name.trim()
                .chars()
                .map(|c| if c == '-' || c == ' ' { '_' } else { c.to_ascii_lowercase() })
                .collect()
        };
        if name.len() > MAX_LEN || known.contains(&name) {
            return None;
        }
        let wanted = normalise(name);
        if let Some(same) = known.iter().find(|k| normalise(k) == wanted) {
            return Some(*same);
        }
        let wanted: Vec<char> = wanted.chars().collect();
        let mut best: Option<(usize, &'k str)> = None;
        let mut tie = false;
        for &k in known {
            let allowed = match k.len() {
                0..=3 => 0,
                4..=7 => 1,
                _ => 2,
            };
            let d = distance(&wanted, &normalise(k).chars().collect::<Vec<_>>());
            if d == 0 || d > allowed {
                continue;
            }
            match best {
                Some((b, _)) if d > b => {}
                Some((b, _)) if d == b => tie = true,
                _ => {
                    best = Some((d, k));
                    tie = false;
                }
            }
        }
        if tie {
            None
        } else {
            best.map(|(_, k)| k)
        }
    }

    #[test]
    fn the_faster_near_miss_gives_every_answer_the_first_one_gave() {
        let lists: [&[&str]; 3] = [&EVENTS, &TYPES, &["business_id", "business_name", "user", "ab", "ac", "é_name", "chat pinned"]];
        let mut names: Vec<String> = vec![String::new(), " ".into(), "\u{85}message\u{85}".into(), "\u{b}text".into()];
        for list in lists {
            for k in list.iter() {
                let chars: Vec<char> = k.chars().collect();
                names.push(k.to_string());
                names.push(format!(" {k} "));
                names.push(k.to_uppercase());
                names.push(k.replace('_', "-"));
                for i in 0..=chars.len() {
                    let (a, b) = (chars.get(..i).unwrap_or_default(), chars.get(i..).unwrap_or_default());
                    let (a, b): (String, String) = (a.iter().collect(), b.iter().collect());
                    for insert in ["x", "xy", "xyz", "é", "😀"] {
                        names.push(format!("{a}{insert}{b}"));
                    }
                    for cut in 1..=3 {
                        names.push(format!("{a}{}", b.chars().skip(cut).collect::<String>()));
                    }
                    names.push(format!("{a}é{}", b.chars().skip(1).collect::<String>()));
                }
            }
        }
        for list in lists {
            for name in &names {
                assert_eq!(near_miss(name, list.iter().copied()), near_miss_as_first_written(name, list), "{name:?} in {list:?}");
            }
        }
        assert!(names.len() > 1200, "{} names", names.len());
    }

    const EVENTS: [&str; 4] = [
        "message",
        "chat_pinned",
        "chat_complete",
        "webhook_conversation_complete",
    ];
    const TYPES: [&str; 4] = ["TEXT", "BUTTON", "CAROUSEL", "SYSTEM"];

    #[test]
    fn case_space_and_separators() {
        assert_eq!(near_miss("Message", EVENTS), Some("message"));
        assert_eq!(near_miss("message ", EVENTS), Some("message"));
        assert_eq!(near_miss("chat-pinned", EVENTS), Some("chat_pinned"));
        assert_eq!(near_miss("text", TYPES), Some("TEXT"));
        assert_eq!(near_miss("Button", TYPES), Some("BUTTON"));
    }

    #[test]
    fn small_edits() {
        assert_eq!(near_miss("mesage", EVENTS), Some("message"));
        assert_eq!(near_miss("chat_pined", EVENTS), Some("chat_pinned"));
        assert_eq!(
            near_miss("bussiness_id", ["business_id", "business_name"]),
            Some("business_id")
        );
        assert_eq!(
            near_miss("webhook_conversation_completed", EVENTS),
            Some("webhook_conversation_complete")
        );
    }

    #[test]
    fn not_near_known_or_ambiguous() {
        assert_eq!(near_miss("message", EVENTS), None, "a known name");
        assert_eq!(near_miss("typing_indicator", EVENTS), None);
        assert_eq!(near_miss("xyz", TYPES), None);
        assert_eq!(near_miss("TEX", TYPES), Some("TEXT"), "one edit of a 4-character name");
        assert_eq!(near_miss("TE", TYPES), None, "two edits of a 4-character name");
        assert_eq!(
            near_miss("ab", ["ac", "ad"]),
            None,
            "names under 4 characters are never guessed"
        );
        assert_eq!(
            near_miss("chat_pinned_x", ["chat_pinned_a", "chat_pinned_b"]),
            None,
            "two equally near"
        );
        assert_eq!(near_miss(&"m".repeat(100), EVENTS), None);
    }
}
