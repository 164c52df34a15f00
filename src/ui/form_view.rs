//! Drawing a form: labels, values, the cursor, messages beside fields.
