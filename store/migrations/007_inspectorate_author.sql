-- Schema version 7: an inspection report or a letter that names Ofsted has Ofsted as its author, before the lead
-- inspector's name if one was read ("Ofsted: Caroline Walsh"), as ingest now reads it (ingest/metadata.py), so "what
-- did Ofsted say" keeps a council's own letters out of a KB ingested before.
UPDATE documents SET author = CASE WHEN coalesce(author, '') = '' THEN 'Ofsted' ELSE 'Ofsted: ' || author END
 WHERE doc_type IN ('inspection_report', 'letter')
   AND coalesce(author, '') NOT LIKE 'Ofsted%'
   AND EXISTS (SELECT 1 FROM statements s WHERE s.document_id = documents.id AND s.text LIKE '%ofsted%');
