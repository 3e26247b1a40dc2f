// How many documents' writes were interrupted (see read/incomplete_documents, which
// `grappe db status` lists with the command that redoes each).
MATCH (d:Document)
WHERE d.complete = false
RETURN count(d) AS n
