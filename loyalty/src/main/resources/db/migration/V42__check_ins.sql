-- One check-in per shopper and calendar day (in the check-in time zone): the unique index is the guard.
CREATE TABLE check_in (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shopper_id     TEXT        NOT NULL,
    day            DATE        NOT NULL,
    streak         INT         NOT NULL CHECK (streak >= 1),
    points         BIGINT      NOT NULL CHECK (points >= 0),
    checked_in_at  TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX check_in_once_a_day ON check_in (shopper_id, day);
