-- Schema version 3: topics of each statement (the vector index copies them as flat metadata).
CREATE TABLE statement_topics (
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    PRIMARY KEY (statement_id, topic)
);
CREATE INDEX statement_topics_topic ON statement_topics(topic);
