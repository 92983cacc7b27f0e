view: audit { sql_table_name: audit.log ;; }
