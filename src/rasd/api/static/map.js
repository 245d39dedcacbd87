// The event map: bundled country boundaries (no tile server), clustered markers coloured by type.
/* global L, topojson */
import { TYPE_COLORS } from "./i18n.js";

const DEFAULT_VIEW = { center: [31, 40], zoom: 4 }; // the Middle East and North Africa

export function createMap(element, { onSelect, attribution }) {
  const map = L.map(element, { worldCopyJump: true, minZoom: 2, maxZoom: 14, preferCanvas: false });
  map.setView(DEFAULT_VIEW.center, DEFAULT_VIEW.zoom);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(attribution);

  fetch("/static/vendor/countries-50m.json")
    .then((r) => r.json())
    .then((topo) => {
      const countries = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(countries, {
        interactive: false,
        style: { color: "#8a8a8a", weight: 0.8, fillColor: "#f2efe6", fillOpacity: 1 },
      }).addTo(map).bringToBack();
      element.dataset.baseLayer = "ready";
    })
    .catch(() => {
      element.dataset.baseLayer = "failed";
    });

  const clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
  map.addLayer(clusters);
  const markers = new Map();

  function icon(type) {
    const color = TYPE_COLORS[type] || "#555";
    return L.divIcon({
      className: "rasd-marker",
      html: `<span class="dot" style="background:${color}"></span>`,
      iconSize: [14, 14],
      iconAnchor: [7, 7],
    });
  }

  function setEvents(events) {
    clusters.clearLayers();
    markers.clear();
    const points = [];
    for (const ev of events) {
      const loc = ev.location;
      if (!loc || loc.lat == null || loc.lon == null) continue;
      const marker = L.marker([loc.lat, loc.lon], { icon: icon(ev.event_type), title: loc.name || "" });
      marker.on("click", () => onSelect(ev.id));
      marker.on("add", () => {
        const el = marker.getElement();
        if (el) {
          el.dataset.eventId = ev.id;
          el.dataset.eventType = ev.event_type;
        }
      });
      markers.set(ev.id, marker);
      points.push(marker);
    }
    clusters.addLayers(points);
    if (points.length) {
      map.fitBounds(clusters.getBounds().pad(0.3), { maxZoom: 8 });
    } else {
      map.setView(DEFAULT_VIEW.center, DEFAULT_VIEW.zoom);
    }
    element.dataset.markers = String(points.length);
    return points.length;
  }

  // Leaflet measures its container only when told; the detail panel and window resizes change it.
  new ResizeObserver(() => map.invalidateSize()).observe(element);

  function focus(id) {
    const marker = markers.get(id);
    if (marker) {
      clusters.zoomToShowLayer(marker, () => {
        // The detail panel may have just narrowed the map: make sure the marker is in view.
        map.panInside(marker.getLatLng(), { padding: [40, 40] });
        marker.getElement()?.classList.add("selected");
      });
    }
    for (const [other, m] of markers) if (other !== id) m.getElement()?.classList.remove("selected");
  }

  return { map, setEvents, focus };

}
