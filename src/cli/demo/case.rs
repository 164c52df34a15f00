//! One demo case's fields: the category, the parties (people of Linhe or organisations,
//! with a third party or an agent now and then), where it came from, and facts and
//! claims written from a story of its category with names, places and money filled in.

use super::Room;
use super::orgs::{OrgKind, organisation};
use super::people::{Home, Wanted, home, neighbour_of, person, pick};
use super::sources::referral;
use super::stories::{Other, Setting, Story, Topic};
use crate::domain::case::CaseFields;
use crate::domain::category::{CaseCategory, Category};
use crate::domain::party::{Party, PartyRole, Sex};
use chrono::{Datelike, NaiveDate};
use fastrand::Rng;

/// The words that fill a story's slots.
struct Slots {
    a: String,
    b: String,
    place: String,
    amount: String,
    when: String,
    n: String,
    year: String,
    road: String,
}

impl Slots {
    fn fill(&self, template: &str) -> String {
        template
            .replace("{a}", &self.a)
            .replace("{b}", &self.b)
            .replace("{place}", &self.place)
            .replace("{amount}", &self.amount)
            .replace("{when}", &self.when)
            .replace("{n}", &self.n)
            .replace("{year}", &self.year)
            .replace("{road}", &self.road)
    }
}

/// Draws the fields of a case of `topic` received on `received`.
pub(super) fn fields(rng: &mut Rng, room: &Room, topic: &Topic, received: NaiveDate) -> CaseFields {
    let Some(story) = topic.stories.get(rng.usize(..topic.stories.len().max(1))) else {
        return CaseFields::blank(received);
    };
    let rural = match story.setting {
        Setting::Any => rng.u32(..100) < topic.rural,
        Setting::Town => false,
        Setting::Village => true,
    };
    let at_home = home(rng, rural);
    let applicant = applicant(rng, story.other, rural, received, &at_home);
    let mut parties = vec![applicant.clone()];
    // Now and then the other side is not yet known by name at registration.
    if rng.u32(..100) >= 3 {
        parties.push(respondent(
            rng, topic, story, &applicant, received, &at_home,
        ));
    }
    if let Some(third) = third_party(rng, topic, story, received) {
        parties.push(third);
    }
    if rng.u32(..100) < 12 {
        // The applicant is the first party: the agent acts for them.
        parties.push(Party {
            acts_for: Some(0),
            ..agent(rng, &applicant, received)
        });
    }
    let n = if story.group {
        rng.u32(5..=40)
    } else {
        rng.u32(2..=9)
    };
    let yuan = story.amount.map(|(lo, hi)| round_yuan(rng.u32(lo..=hi)));
    let slots = Slots {
        a: applicant.name.clone(),
        b: parties
            .get(1)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| "对方".to_string()),
        place: at_home.place.clone(),
        amount: yuan.map(|y| y.to_string()).unwrap_or_default(),
        when: months_before(received, rng.i32(1..=8)),
        n: n.to_string(),
        year: (received.year() - rng.i32(3..=20)).to_string(),
        road: pick(rng, super::words::ROADS).to_string(),
    };
    let national = topic.national;
    let referral = referral(rng, national, received);
    let principals = parties
        .iter()
        .filter(|p| p.role != PartyRole::Agent)
        .count() as u32;
    let persons_involved = if story.group {
        principals + n - 1
    } else {
        principals
    };
    let risk_group = story.group && rng.bool();
    let heated = matches!(
        national,
        Category::Damages | Category::Neighbour | Category::Marriage
    );
    let risk_escalation = rng.u32(..100) < if heated || risk_group { 10 } else { 3 };
    CaseFields {
        received_on: received,
        source: referral.source,
        referrer_unit: referral.unit,
        referrer_ref: referral.reference,
        category: category(room, topic),
        facts: slots.fill(story.facts),
        claims: slots.fill(story.claims),
        amount_fen: yuan.map(|y| i64::from(y) * 100),
        persons_involved,
        risk_escalation,
        risk_group,
        parties,
    }
}

/// The topic's category as this room files it: a local sub-type under the parent the
/// room chose, or the national type when the room has no such sub-type.
fn category(room: &Room, topic: &Topic) -> CaseCategory {
    match topic
        .local
        .and_then(|name| room.locals.iter().find(|l| l.name == name))
    {
        Some(local) => CaseCategory {
            national: local.parent,
            local: Some(local.name.clone()),
        },
        None => CaseCategory::national(topic.national),
    }
}

fn applicant(rng: &mut Rng, other: Other, rural: bool, today: NaiveDate, at_home: &Home) -> Party {
    let wanted = match other {
        // 赡养: a parent asks; inheritance: siblings past middle age.
        Other::Child => Wanted::stranger(PartyRole::Applicant, (62, 88), rural),
        Other::Sibling => Wanted::stranger(PartyRole::Applicant, (40, 70), rural),
        // Wives are most often the ones who come to the room about a marriage.
        Other::Spouse => {
            let sex = if rng.u32(..100) < 65 {
                Sex::Female
            } else {
                Sex::Male
            };
            Wanted::stranger(PartyRole::Applicant, (24, 55), rural).of_sex(sex)
        }
        _ => Wanted::stranger(PartyRole::Applicant, (20, 75), rural),
    };
    person(rng, wanted, today, at_home)
}

fn respondent(
    rng: &mut Rng,
    topic: &Topic,
    story: &Story,
    a: &Party,
    today: NaiveDate,
    at_home: &Home,
) -> Party {
    let role = PartyRole::Respondent;
    let rural = at_home.rural;
    let age = a.birth_date.map(|b| today.year() - b.year()).unwrap_or(40);
    match story.other {
        Other::Org(kind) => organisation(rng, kind, role, today),
        Other::Spouse => {
            let sex = if a.sex == Some(Sex::Female) {
                Sex::Male
            } else {
                Sex::Female
            };
            let wanted = Wanted::stranger(role, ((age - 4).max(20), age + 4), rural).of_sex(sex);
            person(rng, wanted, today, at_home)
        }
        Other::Child => {
            let wanted =
                Wanted::family_of(a, role, ((age - 38).max(20), (age - 22).max(20)), rural);
            let their_home = home(rng, rural);
            person(rng, wanted.of_sex(Sex::Male), today, &their_home)
        }
        Other::Sibling => {
            let wanted = Wanted::family_of(a, role, ((age - 8).max(30), age + 8), rural);
            let their_home = home(rng, rural);
            person(rng, wanted.of_sex(Sex::Male), today, &their_home)
        }
        Other::Person => {
            let near = matches!(
                topic.national,
                Category::Neighbour | Category::Housing | Category::Land
            );
            let their_home = if near {
                neighbour_of(rng, at_home)
            } else {
                home(rng, rural)
            };
            person(
                rng,
                Wanted::stranger(role, (20, 75), rural),
                today,
                &their_home,
            )
        }
    }
}

fn third_party(rng: &mut Rng, topic: &Topic, story: &Story, today: NaiveDate) -> Option<Party> {
    let role = PartyRole::ThirdParty;
    let roll = rng.u32(..100);
    match (topic.national, topic.local, story.other) {
        // The insurer of the vehicle at fault is usually brought in.
        (Category::Traffic, _, _) if roll < 60 => {
            Some(organisation(rng, OrgKind::Insurer, role, today))
        }
        (_, Some("供热"), Other::Person) if roll < 50 => {
            Some(organisation(rng, OrgKind::Heating, role, today))
        }
        _ if roll < 8 => {
            let rural = rng.u32(..100) < topic.rural;
            let at = home(rng, rural);
            Some(person(
                rng,
                Wanted::stranger(role, (22, 70), rural),
                today,
                &at,
            ))
        }
        _ => None,
    }
}

/// A lawyer, or a grown child speaking for an older applicant.
fn agent(rng: &mut Rng, applicant: &Party, today: NaiveDate) -> Party {
    let role = PartyRole::Agent;
    let at = home(rng, false);
    if rng.u32(..100) < 60 {
        let mut lawyer = person(rng, Wanted::stranger(role, (28, 60), false), today, &at);
        let firm = pick(rng, &["河套", "塞上", "天骄", "正和", "衡信"]);
        lawyer.occupation = format!("律师（内蒙古{firm}律师事务所）");
        return lawyer;
    }
    person(
        rng,
        Wanted::family_of(applicant, role, (25, 50), false),
        today,
        &at,
    )
}

/// Amounts as people state them: round tens, round hundreds above 2000.
fn round_yuan(yuan: u32) -> u32 {
    if yuan >= 2000 {
        yuan / 100 * 100
    } else {
        (yuan / 10 * 10).max(10)
    }
}

/// "2025年3月": the month `months` before `day`.
fn months_before(day: NaiveDate, months: i32) -> String {
    let index = day.year() * 12 + day.month0() as i32 - months;
    format!("{}年{}月", index.div_euclid(12), index.rem_euclid(12) + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_count_back_across_new_year() {
        let day = NaiveDate::from_ymd_opt(2026, 2, 10).unwrap();
        assert_eq!(months_before(day, 1), "2026年1月");
        assert_eq!(months_before(day, 3), "2025年11月");
        assert_eq!(round_yuan(3456), 3400);
        assert_eq!(round_yuan(1234), 1230);
    }
}
