view: orders {
  sql_table_name: public.orders ;;
}
