// The queries behind the page, as run_inline_query bodies. The browser
// tests import this file too, to check the page against the API.
export const queries = {
  orders: {
    model: 'thelook',
    view: 'order_items',
    fields: ['order_items.order_count', 'order_items.total_sale_price']
  },
  users: {
    model: 'thelook',
    view: 'users',
    fields: ['users.count']
  },
  revenueByCategory: {
    model: 'thelook',
    view: 'order_items',
    fields: ['products.category', 'order_items.total_sale_price'],
    sorts: ['order_items.total_sale_price desc'],
    limit: '10'
  }
}
