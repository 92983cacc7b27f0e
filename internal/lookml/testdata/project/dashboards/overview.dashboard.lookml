- dashboard: overview
  title: Overview
