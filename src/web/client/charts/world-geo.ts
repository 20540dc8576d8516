import { numericToAlpha3 } from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

const ANTARCTICA = '010';

type Ring = number[][];

/**
 * A ring with points on both sides of the antimeridian (Russia, Fiji) would be drawn across the whole flat map;
 * its western points are moved past 180° instead.
 */
function unwrapRing(ring: Ring): Ring {
  let min = Infinity;
  let max = -Infinity;
  for (const p of ring) {
    min = Math.min(min, p[0]!);
    max = Math.max(max, p[0]!);
  }
  return max - min > 180 ? ring.map(([lon, lat]) => [lon! < 0 ? lon! + 360 : lon!, lat!]) : ring;
}

function unwrapAntimeridian(g: Geometry): Geometry {
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(unwrapRing) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((poly) => poly.map(unwrapRing)) };
  return g;
}

/**
 * GeoJSON of the world-atlas countries topology with each region named by its ISO alpha-3 code (the key the map
 * data uses); Antarctica hidden as on the legacy map. Regions without an ISO number keep their atlas name.
 */
export function worldGeoJson(topology: Topology<{ countries: GeometryCollection<{ name: string }> }>): FeatureCollection<Geometry, { name: string }> {
  const fc = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const features: Array<Feature<Geometry, { name: string }>> = [];
  for (const f of fc.features) {
    const id = f.id === undefined ? undefined : String(f.id).padStart(3, '0');
    if (id === ANTARCTICA) continue;
    const alpha3 = id ? numericToAlpha3(id) : undefined;
    features.push({ ...f, geometry: unwrapAntimeridian(f.geometry), properties: { name: alpha3 ?? f.properties?.name ?? '' } });
  }
  return { type: 'FeatureCollection', features };
}
