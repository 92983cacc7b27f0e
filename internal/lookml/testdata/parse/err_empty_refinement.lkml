view: + {}
