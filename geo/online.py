"""Optional online fallback: Nominatim through geopy, for names the offline gazetteer lacks.

Only ``python -m geo resolve --online`` uses it; the dashboard and the default tests never do.
Requests are rate-limited to one a second (Nominatim's usage policy) and carry a real user agent.
When the service cannot be reached, one line says so and every remaining name is left unresolved.
"""

from __future__ import annotations

import sys
from typing import TextIO

from geopy.exc import GeocoderServiceError, GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim

from .regions import all_regions, matches_hint
from .resolve import City, PlaceRequest, _city

USER_AGENT = "navalny-protests-2021-map/0.1 (open civic-data project; geocoding city names once, cached)"
TIMEOUT_SECONDS = 10


class NominatimFallback:
    """Callable used by :func:`geo.resolve.resolve` for names the gazetteer does not know."""

    def __init__(self, domain: str = "nominatim.openstreetmap.org", scheme: str = "https",
                 min_delay_seconds: float = 1.0, out: TextIO | None = None):
        geocoder = Nominatim(user_agent=USER_AGENT, timeout=TIMEOUT_SECONDS, domain=domain, scheme=scheme)
        self._geocode = RateLimiter(geocoder.geocode, min_delay_seconds=min_delay_seconds,
                                    max_retries=0, swallow_exceptions=False)
        self._out = out
        self.unreachable: str | None = None

    def __call__(self, request: PlaceRequest) -> tuple[City | None, str | None]:
        where = f"data/places.csv, row {request.row} ({request.city_id})"
        if self.unreachable:
            return None, f"{where}: not in the offline gazetteer, and Nominatim is unreachable"
        query = ", ".join(part for part in (request.name_ru or request.name_en, request.region_hint) if part)
        try:
            location = self._geocode(query, addressdetails=True, country_codes=["ru", "ua"], language="en")
        except (GeopyError, GeocoderServiceError, OSError) as error:
            self.unreachable = f"{type(error).__name__}: {error}".splitlines()[0]
            print(f"Nominatim unreachable ({self.unreachable}); names not in the gazetteer stay unresolved.",
                  file=self._out or sys.stderr)  # looked up now, so a caller's redirection is honoured
            return None, f"{where}: not in the offline gazetteer, and Nominatim is unreachable"
        if location is None:
            return None, f"{where}: neither the gazetteer nor Nominatim knows {query!r}"
        state = (location.raw.get("address") or {}).get("state", "")
        regions = [r for r in all_regions().values() if state and matches_hint(r, state)]
        if len(regions) != 1:
            return None, f"{where}: Nominatim placed {query!r} in {state!r}, which names no single region"
        return _city(request, regions[0], location.latitude, location.longitude, "nominatim",
                     f"Nominatim query {query!r}: {location.address}"), None
