-- The agreements still being performed (已签署, 履行中): what 今日 watches. Its items due
-- or missed are read from these few rather than from every undone item of every
-- agreement ever made (most belong to agreements already 已履行 or 未履行).
CREATE INDEX IF NOT EXISTS agreements_live ON agreements (case_id)
    WHERE status IN ('signed', 'performing');
