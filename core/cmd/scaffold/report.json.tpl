{
  "format": 1,
  "kind": "arsrapport",
  "organisation": "Exempelförbundet",
  "title": "Prov av @NAME@",
  "authors": [ { "name": "Namn Efternamn", "role": "Utvecklare" } ],
  "date": "2025-01-31",
  "period": { "first": 2023, "last": 2024, "label": "2023–2024" },
  "years": [ "2023.json", "2024.json" ],
  "sections": [
    { "type": "@NAME@", "title": "@NAME@", "caption": "@NAME@ per år" }
  ]
}
