// Upsert :Entity:Organization nodes. rows: {id, props} (props: name, type, subtype, aliases, search_text, attributes)
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e:Organization
SET e += row.props
