//! Demo people of Bayannur: Han and Mongolian names, ID numbers that pass the GB 11643
//! check with birth date and sex to match, mobiles, and homes in 临河区 compounds and
//! villages. Everything is drawn from the one seeded generator, so a seed always gives
//! the same people.

use super::words::{
    AREAS, COMPOUNDS, ETHNIC, FEMALE_OLDER, FEMALE_YOUNGER, GROUPS, MALE_OLDER, MALE_YOUNGER,
    MOBILE_PREFIXES, MONGOL_FEMALE, MONGOL_MALE, OLD_LINHE, RURAL_JOBS, STREETS, SURNAMES, TOWNS,
    URBAN_JOBS, VILLAGES,
};
use crate::domain::id_card::check_char;
use crate::domain::party::{Party, PartyKind, PartyRole, Sex};
use chrono::{Datelike, NaiveDate};
use fastrand::Rng;

/// One of `items`, or "" for an empty list.
pub(super) fn pick<'a>(rng: &mut Rng, items: &[&'a str]) -> &'a str {
    items
        .get(rng.usize(..items.len().max(1)))
        .copied()
        .unwrap_or_default()
}

/// A value drawn by weight; `fallback` only for an empty or zero-weight table.
pub(super) fn weighted<T: Copy>(rng: &mut Rng, table: &[(T, u32)], fallback: T) -> T {
    let total: u32 = table.iter().map(|(_, w)| w).sum();
    let mut x = rng.u32(..total.max(1));
    for &(value, weight) in table {
        if x < weight {
            return value;
        }
        x -= weight;
    }
    fallback
}

/// Where someone lives: the short form the facts name, and the full address.
#[derive(Debug, Clone)]
pub(super) struct Home {
    /// 金川小区 or 干召庙镇红星村.
    pub place: String,
    /// 新华街道金川小区 or 干召庙镇红星村: what neighbours share.
    area: String,
    /// In a village rather than a town compound.
    pub rural: bool,
    /// 巴彦淖尔市临河区新华街道金川小区3号楼2单元502室.
    pub address: String,
}

/// A home in Linhe: a flat in a town compound, or a village group.
pub(super) fn home(rng: &mut Rng, rural: bool) -> Home {
    let (place, area) = if rural {
        let place = format!("{}{}", pick(rng, TOWNS), pick(rng, VILLAGES));
        (place.clone(), place)
    } else {
        let compound = pick(rng, COMPOUNDS);
        (
            compound.to_string(),
            format!("{}{compound}", pick(rng, STREETS)),
        )
    };
    let address = address_in(rng, &area, rural);
    Home {
        place,
        area,
        rural,
        address,
    }
}

/// Another home in the same compound or village.
pub(super) fn neighbour_of(rng: &mut Rng, home: &Home) -> Home {
    Home {
        address: address_in(rng, &home.area, home.rural),
        ..home.clone()
    }
}

fn address_in(rng: &mut Rng, area: &str, rural: bool) -> String {
    if rural {
        format!("巴彦淖尔市临河区{area}{}", pick(rng, GROUPS))
    } else {
        let (building, unit, floor, door) = (
            rng.u32(1..=24),
            rng.u32(1..=4),
            rng.u32(1..=18),
            rng.u32(1..=2),
        );
        format!("巴彦淖尔市临河区{area}{building}号楼{unit}单元{floor}0{door}室")
    }
}

/// What a demo person is asked to be.
#[derive(Debug, Clone, Copy)]
pub(super) struct Wanted<'a> {
    pub role: PartyRole,
    pub sex: Option<Sex>,
    pub ages: (i32, i32),
    pub surname: Option<&'a str>,
    /// A family member's ethnic group; drawn when none.
    pub ethnicity: Option<&'a str>,
    pub rural: bool,
}

impl<'a> Wanted<'a> {
    /// Someone unrelated to the other parties.
    pub fn stranger(role: PartyRole, ages: (i32, i32), rural: bool) -> Self {
        Wanted {
            role,
            sex: None,
            ages,
            surname: None,
            ethnicity: None,
            rural,
        }
    }

    /// A relative of `kin`: the same surname and ethnic group.
    pub fn family_of(kin: &'a Party, role: PartyRole, ages: (i32, i32), rural: bool) -> Self {
        let ethnicity = Some(kin.ethnicity.as_str()).filter(|e| !e.is_empty());
        Wanted {
            surname: surname_of(&kin.name),
            ethnicity,
            ..Wanted::stranger(role, ages, rural)
        }
    }

    /// The same, of the given sex.
    pub fn of_sex(self, sex: Sex) -> Self {
        Wanted {
            sex: Some(sex),
            ..self
        }
    }
}

/// A natural person with a consistent ID number, sex and birth date.
pub(super) fn person(rng: &mut Rng, wanted: Wanted<'_>, today: NaiveDate, home: &Home) -> Party {
    let sex = wanted
        .sex
        .unwrap_or(if rng.bool() { Sex::Male } else { Sex::Female });
    let ethnicity = wanted
        .ethnicity
        .unwrap_or_else(|| weighted(rng, ETHNIC, "汉族"));
    let age = rng.i32(wanted.ages.0..=wanted.ages.1);
    let year = today.year() - age;
    let birth = NaiveDate::from_yo_opt(year, rng.u32(1..=365)).unwrap_or(today);
    let name = person_name(rng, sex, ethnicity, year, wanted.surname);
    let jobs = if wanted.rural { RURAL_JOBS } else { URBAN_JOBS };
    let occupation = if age >= 63 { "退休" } else { pick(rng, jobs) };
    // A few people give no ID number at registration (respondents who did not come).
    let id_number = if wanted.role == PartyRole::Applicant || rng.u32(..100) >= 8 {
        id_number(rng, birth, sex)
    } else {
        String::new()
    };
    Party {
        name,
        sex: Some(sex),
        ethnicity: ethnicity.to_string(),
        birth_date: Some(birth),
        id_number,
        occupation: occupation.to_string(),
        phone: mobile(rng),
        address: home.address.clone(),
        ..Party::new(wanted.role, PartyKind::Person)
    }
}

pub(super) fn person_name(
    rng: &mut Rng,
    sex: Sex,
    ethnicity: &str,
    born: i32,
    surname: Option<&str>,
) -> String {
    if surname.is_none() && ethnicity == "蒙古族" && rng.u32(..100) < 65 {
        let names = if sex == Sex::Male {
            MONGOL_MALE
        } else {
            MONGOL_FEMALE
        };
        return pick(rng, names).to_string();
    }
    let surname = surname.unwrap_or_else(|| {
        let n = SURNAMES.len();
        SURNAMES
            .get(rng.usize(..n).min(rng.usize(..n)))
            .copied()
            .unwrap_or("王")
    });
    let given = match (sex, born < 1980) {
        (Sex::Male, true) => MALE_OLDER,
        (Sex::Male, false) => MALE_YOUNGER,
        (Sex::Female, true) => FEMALE_OLDER,
        (Sex::Female, false) => FEMALE_YOUNGER,
    };
    format!("{surname}{}", pick(rng, given))
}

/// The surname of a Han name (its first character), for family members; none for a
/// Mongolian name, which has no surname.
pub(super) fn surname_of(name: &str) -> Option<&str> {
    if MONGOL_MALE.contains(&name) || MONGOL_FEMALE.contains(&name) {
        return None;
    }
    name.char_indices().nth(1).map(|(i, _)| &name[..i])
}

/// An 18-digit number: area, birth date, a sequence whose parity is the sex, check char.
pub(super) fn id_number(rng: &mut Rng, birth: NaiveDate, sex: Sex) -> String {
    let mut area = weighted(rng, AREAS, "150802");
    if area == "150802" && birth.year() < 2003 && rng.bool() {
        area = OLD_LINHE;
    }
    let male = u32::from(sex == Sex::Male);
    let seq = match rng.u32(..500) * 2 + male {
        // 000 is not issued; 002 keeps the parity.
        0 => 2,
        seq => seq,
    };
    let body = format!("{area}{}{seq:03}", birth.format("%Y%m%d"));
    match check_char(&body) {
        Some(check) => format!("{body}{check}"),
        None => String::new(),
    }
}

/// A mainland mobile number.
pub(super) fn mobile(rng: &mut Rng) -> String {
    format!(
        "{}{:08}",
        pick(rng, MOBILE_PREFIXES),
        rng.u32(..100_000_000)
    )
}
