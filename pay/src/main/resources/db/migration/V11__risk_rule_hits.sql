-- The rules that found something in an assessment, heaviest first, each with the sentence that explains it.
CREATE TABLE risk_rule_hit (
    assessment_id BIGINT NOT NULL REFERENCES risk_assessment (id) ON DELETE CASCADE,
    position      INT    NOT NULL,
    rule          TEXT   NOT NULL,
    points        INT    NOT NULL CHECK (points > 0),
    explanation   TEXT   NOT NULL,
    PRIMARY KEY (assessment_id, position)
);
