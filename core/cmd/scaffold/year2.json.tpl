{
  "format": 1,
  "year": 2024,
  "@NAME@": {
    "items": [ { "label": "Första posten", "value": 150 }, { "label": "Andra posten", "value": 38.5 } ],
    "note": "Siffrorna för 2024 är preliminära."
  }
}
