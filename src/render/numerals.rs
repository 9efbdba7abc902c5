//! Chinese numerals as official documents write them: 一 … 十 … 十一 … 二十三 … 一百零五.

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// Writes `n` in Chinese numerals (0 is 零). Numbers from 10 to 19 drop the leading 一 (十一),
/// as enumerations do; larger numbers write zeros the usual way (一百零五, 一千零二十).
pub fn chinese(n: u64) -> String {
    if n < 10 {
        return DIGITS[n as usize].to_string();
    }
    if n < 20 {
        return format!(
            "十{}",
            if n == 10 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        );
    }
    if n >= 10_000 {
        let (high, low) = (n / 10_000, n % 10_000);
        let low_text = if low == 0 {
            String::new()
        } else if low < 1000 {
            format!("零{}", below_ten_thousand(low))
        } else {
            below_ten_thousand(low)
        };
        return format!("{}万{low_text}", chinese(high));
    }
    below_ten_thousand(n)
}

fn below_ten_thousand(n: u64) -> String {
    let units = ["千", "百", "十", ""];
    let divisors = [1000, 100, 10, 1];
    let mut out = String::new();
    let mut pending_zero = false;
    for (unit, divisor) in units.iter().zip(divisors) {
        let digit = (n / divisor) % 10;
        if digit == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if pending_zero {
            out.push('零');
            pending_zero = false;
        }
        out.push_str(DIGITS[digit as usize]);
        out.push_str(unit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumeration_numbers_read_as_in_official_documents() {
        let cases = [
            (1, "一"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (23, "二十三"),
            (99, "九十九"),
            (100, "一百"),
            (105, "一百零五"),
            (110, "一百一十"),
            (1020, "一千零二十"),
            (20_003, "二万零三"),
        ];
        for (n, text) in cases {
            assert_eq!(chinese(n), text, "{n}");
        }
    }
}
