{
  "format": 1,
  "year": 2023,
  "@NAME@": {
    "items": [ { "label": "Första posten", "value": 120 }, { "label": "Andra posten", "value": 45 } ]
  }
}
