view: products {
  dimension: brand {
    html: <a href="/explore/brand?f[products.brand]={{ value | url_encode }}&amp;x=1">{{ value }}</a>;
      <span style="color: red; font-weight: bold">it's "quoted"; really</span> ;;
  }
  dimension: logo { html: <img src='{{ value }}' alt="a;b"/>;; }
}
