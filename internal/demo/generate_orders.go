package demo

// Order statuses and how often an order starts with each; timestamps
// that would fall after AsOf demote it (Returned → Complete → Shipped →
// Processing), so recent orders are still in flight.
var statuses = []string{"Complete", "Complete", "Complete", "Complete", "Complete", "Shipped", "Shipped", "Shipped",
	"Shipped", "Shipped", "Shipped", "Processing", "Processing", "Processing", "Processing",
	"Cancelled", "Cancelled", "Cancelled", "Returned", "Returned"}

// itemCounts: one item in most orders, up to four (mean 1.45).
var itemCounts = []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 4}

func (g *gen) newOrder() order {
	o := order{user: g.r.IntN(len(g.users))}
	u := g.users[o.user]
	o.created = g.between(u.created, g.end)
	o.status = statuses[g.r.IntN(len(statuses))]
	n := itemCounts[g.r.IntN(len(itemCounts))]
	for range n {
		o.items = append(o.items, g.r.IntN(len(g.products)))
	}
	switch o.status {
	case "Shipped", "Complete", "Returned":
		o.shipped = o.created + g.between(3600, 3*day)
		o.delivered = o.shipped + g.between(day, 5*day)
		o.returned = o.delivered + g.between(day, 10*day)
	}
	g.settle(&o)
	return o
}

// settle clears what has not happened by the end of AsOf and demotes the
// status to match.
func (g *gen) settle(o *order) {
	if o.status != "Returned" {
		o.returned = 0
	}
	if o.status == "Shipped" {
		o.delivered = 0
	}
	if o.returned >= g.end {
		o.status, o.returned = "Complete", 0
	}
	if o.delivered >= g.end {
		o.status, o.delivered = "Shipped", 0
	}
	if o.shipped >= g.end {
		o.status, o.shipped = "Processing", 0
	}
}

func (g *gen) orderRows() error {
	g.orders = make([]order, g.o.count("orders"))
	return g.each("orders", len(g.orders), 9, func(i int, row []any) {
		o := g.newOrder()
		g.orders[i] = o
		row[0], row[1], row[2], row[3] = int64(i+1), int64(o.user+1), o.status, string(g.users[o.user].gender)
		row[4], row[5], row[6], row[7] = ts(o.created), ts(o.returned), ts(o.shipped), ts(o.delivered)
		row[8] = int64(len(o.items))
	})
}

// orderItemRows writes one row per item; item k (from 1) is sold from
// inventory item k.
func (g *gen) orderItemRows() error {
	return g.writeTable("order_items", func(write func([]any) error) error {
		row := make([]any, 11)
		id := int64(0)
		for i, o := range g.orders {
			for _, p := range o.items {
				id++
				row[0], row[1], row[2], row[3], row[4] = id, int64(i+1), int64(o.user+1), int64(p+1), id
				row[5], row[6], row[7], row[8], row[9] = o.status, ts(o.created), ts(o.shipped), ts(o.delivered), ts(o.returned)
				row[10] = g.products[p].price
				if err := write(row); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// inventoryRows writes the sold items (one per order item, in the same
// order) and then the items still on hand.
func (g *gen) inventoryRows() error {
	return g.writeTable("inventory_items", func(write func([]any) error) error {
		return g.inventory(write)
	})
}

func (g *gen) inventory(write func([]any) error) error {
	row := make([]any, 12)
	id := int64(0)
	put := func(p int, created, sold int64) error {
		id++
		pr := g.products[p]
		c := categories[pr.cat]
		row[0], row[1], row[2], row[3], row[4] = id, int64(p+1), ts(created), ts(sold), pr.cost
		row[5], row[6], row[7], row[8] = c.name, pr.name, pr.brand, pr.price
		row[9], row[10], row[11] = c.department, pr.sku, pr.center
		return write(row)
	}
	for _, o := range g.orders {
		for _, p := range o.items {
			if err := put(p, o.created-g.between(day, 120*day), o.created); err != nil {
				return err
			}
		}
	}
	for range g.o.count("unsold_inventory") {
		if err := put(g.r.IntN(len(g.products)), g.between(g.start, g.end), 0); err != nil {
			return err
		}
	}
	return nil
}
