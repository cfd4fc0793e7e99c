-- The files of multi-file publications (a single-file publication has no rows here: its blob is publications.blob_key).
CREATE TABLE publication_files (
    publication_id uuid    NOT NULL REFERENCES publications (id),
    idx            integer NOT NULL CHECK (idx >= 0),
    path           text    NOT NULL,
    size           bigint  NOT NULL CHECK (size >= 0),
    sha256         char(64) NOT NULL,
    blob_key       text    NOT NULL UNIQUE,
    PRIMARY KEY (publication_id, idx),
    UNIQUE (publication_id, path)
);
