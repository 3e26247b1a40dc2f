// FalkorDB builds indexes in the background; a full-text query meanwhile finds nothing.
CALL db.indexes() YIELD status
RETURN status
