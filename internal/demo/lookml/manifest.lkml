project_name: "thelook"

# Tables are named without a schema so that the same project reads the demo
# in DuckDB (schema main) and its PostgreSQL and MariaDB copies (their
# default schema or database).
