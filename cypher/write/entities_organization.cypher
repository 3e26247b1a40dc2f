// Upsert :Entity:Organization nodes. rows: {id, props} (props: name, type, subtype, aliases,
// search_text, attributes). Both labels are in the MERGE: adding a label with SET
// afterwards is ~10x slower on FalkorDB and grows with the graph.
UNWIND $rows AS row
MERGE (e:Entity:Organization {id: row.id})
SET e += row.props
