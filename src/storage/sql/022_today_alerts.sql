-- 今日's agreement alerts read every 调解成功 of the last two months (3,743 at 100,000
-- cases) with its case's number and parties and its agreement's date and confirmation.
-- Read from the tables, each of those rows is a page of its own, spread over the file;
-- these indexes hold just those columns by case, so the recent ones sit on a few pages.
CREATE INDEX IF NOT EXISTS cases_labels ON cases (id, org_id, number_text, party_names);
CREATE INDEX IF NOT EXISTS agreements_alert_dates ON agreements (case_id, agreed_on, confirmation);
