"""A synthetic data package in the project's format, at a chosen scale, deterministic from a seed.

    python -m bench.synthetic --scale 100 --seed 1 OUT_DIR

writes OUT_DIR/datapackage.json, protest_days.csv, sources.csv, sources/<id>.txt, estimators.csv,
cities.csv and reports.csv. The package passes ``python -m protest_data validate --data-dir OUT_DIR``:
every quote is in its source's archived passages, states its figure and names its city.

It is benchmark material, not data: every source is marked synthetic, its URL is under the reserved
``.invalid`` domain, and no figure in it was reported by anyone. Scale 1 has the real data's shape
(the 118 real cities, 2 days, ~800 reports); scale 100 has 2,000 cities, 20 days and ~95,000 reports.
Cities beyond the real ones are the real ones' coordinates jittered (kept inside Russia's outline),
named after the city they were jittered from ("Kazan-2").
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import random
import shutil
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from protest_data.tables import DEFAULT_DATA_DIR

REAL_CITIES = 118
REAL_DAYS = 2
REAL_REPORTS = 800
FIRST_DAYS = (date(2021, 1, 23), date(2021, 1, 31), date(2021, 2, 2))
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


@dataclass(frozen=True)
class Shape:
    cities: int
    days: int
    reports: int


def shape_for(scale: float) -> Shape:
    """Cities, days and reports at a scale: 1 is the real data's shape, 100 the issue's 100x."""
    if scale <= 0:
        raise ValueError("scale must be positive")
    cities = max(8, round(REAL_CITIES * scale ** 0.614))  # 118 -> ~485 -> ~2,000
    days = max(2, round(REAL_DAYS * math.sqrt(scale)))  # 2 -> 6 -> 20
    reports = max(40, round(REAL_REPORTS * scale ** 1.04))  # 800 -> ~8,800 -> ~95,000
    return Shape(cities, days, reports)


@dataclass
class City:
    city_id: str
    name_en: str
    name_ru: str
    region: str
    country_code: str
    territory_status: str
    lat: float
    lon: float
    population: int
    derived_from: str | None

    def row(self) -> dict[str, str]:
        return {
            "city_id": self.city_id, "name_en": self.name_en, "name_ru": self.name_ru, "region": self.region,
            "country_code": self.country_code, "territory_status": self.territory_status,
            "lat": f"{self.lat:.5f}", "lon": f"{self.lon:.5f}",
            "geonames_id": "", "population": "",
            "geocoder": "manual",
            "geocoder_note": (f"synthetic (bench.synthetic): {self.name_en}'s real coordinates"
                              if self.derived_from is None else
                              f"synthetic (bench.synthetic): jittered from {self.derived_from}"),
        }


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _csv_text(rows: list[dict[str, str]], fieldnames: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _cities(real: list[dict[str, str]], count: int, rng: random.Random) -> list[City]:
    from shapely.geometry import Point
    from shapely.prepared import prep

    from geo.outline import display_longitude, russia_outline

    outline = prep(russia_outline())
    base = sorted(real, key=lambda c: c["city_id"])
    cities = [City(c["city_id"], c["name_en"], c["name_ru"], c["region"], c["country_code"], c["territory_status"],
                   float(c["lat"]), float(c["lon"]), int(c["population"] or 20_000), None)
              for c in base[:count]]
    taken = {c.city_id for c in cities}
    for index in range(count - len(cities)):
        origin = base[index % len(base)]
        copy = index // len(base) + 2
        lat, lon = float(origin["lat"]), float(origin["lon"])
        occupied = origin["country_code"] != "RU"
        spread = 0.25 if occupied else 1.5
        for _ in range(30):  # bounded: keep a jittered point inside Russia's outline, else stay close
            new_lat = lat + rng.uniform(-spread, spread) * 0.6
            new_lon = lon + rng.uniform(-spread, spread) / max(0.3, math.cos(math.radians(lat)))
            if occupied or outline.contains(Point(display_longitude(new_lon), new_lat)):
                break
        else:
            new_lat, new_lon = lat + rng.uniform(-0.05, 0.05), lon + rng.uniform(-0.05, 0.05)
        if new_lon > 180:
            new_lon -= 360
        city_id = f"{origin['city_id']}-{copy}"
        assert city_id not in taken, city_id
        taken.add(city_id)
        population = max(5_000, int(int(origin["population"] or 20_000) * rng.uniform(0.02, 0.3)))
        cities.append(City(city_id, f"{origin['name_en']}-{copy}", f"{origin['name_ru']}-{copy}", origin["region"],
                           origin["country_code"], origin["territory_status"], round(new_lat, 5),
                           round(new_lon, 5), population, origin["name_en"]))
    return sorted(cities, key=lambda c: c.city_id)


def _days(count: int) -> list[date]:
    days = list(FIRST_DAYS[:count])
    while len(days) < count:
        days.append(days[-1] + timedelta(days=7))
    return days


def _label(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _ru(number: int) -> str:
    """1 234 as Russian copy writes it (space-grouped from 10 000; 1234 stays 1234 half the time)."""
    return f"{number:,}".replace(",", " ") if number >= 10_000 or number % 2 else str(number)


def _en(number: int) -> str:
    return f"{number:,}"


def _temperature_text(value: int, language: str) -> str:
    if language == "ru":
        return f"минус {-value}" if value < 0 else f"плюс {value}"
    return f"minus {-value} degrees" if value < 0 else f"{value} degrees"


# Quote templates. Each states exactly the figures its report carries and names the city (nominative).
CROWD_RU = {
    "one": "В городе {city} на акцию вышли около {low} человек, {who}.",
    "range": "В городе {city} на акцию вышли от {low} до {high} человек, {who}.",
    "more": "В городе {city} на акцию вышли более {low} человек, {who}.",
    "upto": "В городе {city} на акцию вышли до {high} человек, {who}.",
}
CROWD_EN = {
    "one": "In {city}, about {low} people took part, {who}.",
    "range": "In {city}, between {low} and {high} people took part, {who}.",
    "more": "In {city}, more than {low} people took part, {who}.",
    "upto": "In {city}, up to {high} people took part, {who}.",
}
WHO_RU = {"police": "по данным полиции", "organisers": "по оценке организаторов", "White Counter": "по подсчётам «Белого счётчика»",
          "unattributed": "по имеющимся данным", "various estimates": "по разным оценкам"}
WHO_EN = {"police": "according to the police", "organisers": "according to the organisers",
          "White Counter": "by White Counter's count", "unattributed": "reportedly", "various estimates": "by various estimates"}


class Generator:
    def __init__(self, scale: float, seed: int, real_dir: Path):
        self.shape = shape_for(scale)
        self.scale, self.seed = scale, seed
        self.rng = random.Random(seed)
        self.real_dir = Path(real_dir)
        self.estimators = _read(self.real_dir / "estimators.csv")
        names = {e["estimator"] for e in self.estimators}
        real_sources = _read(self.real_dir / "sources.csv")
        self.media = sorted({s["publisher"] for s in real_sources} & names)
        self.publishers = sorted({s["publisher"] for s in real_sources})
        for needed in ("OVD-Info", "police", "organisers", "unattributed", "various estimates", "White Counter"):
            if needed not in names:
                raise SystemExit(f"{self.real_dir}/estimators.csv has no estimator {needed!r}")

    # -- figures ------------------------------------------------------------------------------
    def _crowd(self, city: City) -> int:
        typical = max(20.0, city.population * 0.0015)
        return max(10, int(typical * math.exp(self.rng.gauss(0, 0.6))))

    def _temperature(self, city: City, day: date) -> int:
        east = max(0.0, (city.lon % 360) - 40) / 100  # colder to the east and north
        north = max(0.0, city.lat - 45) / 20
        winter = max(0.0, 1 - (day - FIRST_DAYS[0]).days / 80)
        return int(round(-5 - 25 * winter * (0.5 * east + 0.5 * north) + self.rng.gauss(0, 4)))

    # -- reports ------------------------------------------------------------------------------
    def city_items(self, city: City, day: date, count: int) -> list[dict]:
        """Report drafts (metric, figures, estimator, as_of, sentence) for one city and day."""
        rng = self.rng
        items = [self._held(city)]
        crowd = self._crowd(city)
        running = max(1, int(crowd * rng.uniform(0.02, 0.25)))
        hour = rng.randint(12, 15)
        for _ in range(count - 1):
            metric = rng.choices(("held", "detentions", "crowd", "temperature_c"), (0.10, 0.50, 0.33, 0.07))[0]
            if metric == "held":
                items.append(self._held(city))
            elif metric == "crowd":
                items.append(self._crowd_item(city, crowd))
            elif metric == "temperature_c":
                value = self._temperature(city, day)
                items.append({"metric": "temperature_c", "low": value, "high": value,
                              "estimator": rng.choice(("unattributed", *self.media[:20])),
                              "ru": f"В городе {city.name_ru} протестующие вышли на улицы в {_temperature_text(value, 'ru')} градусов.",
                              "en": f"In {city.name_en} protesters braved {_temperature_text(value, 'en')}."})
            else:
                running += max(1, int(running * rng.uniform(0.05, 0.6)))
                hour = min(23, hour + rng.randint(0, 2))
                items.append(self._detentions(city, day, running, hour))
        return items

    def _held(self, city: City) -> dict:
        estimator = self.rng.choice(("unattributed", *self.media))
        return {"metric": "held", "low": None, "high": None, "estimator": estimator,
                "ru": f"В городе {city.name_ru} прошла несогласованная акция в поддержку Алексея Навального.",
                "en": f"Protesters gathered in {city.name_en} in support of Alexei Navalny."}

    def _crowd_item(self, city: City, crowd: int) -> dict:
        rng = self.rng
        estimator = rng.choices(("police", "organisers", "White Counter", "unattributed", "various estimates", "media"),
                                (0.3, 0.15, 0.05, 0.2, 0.1, 0.2))[0]
        value = max(10, int(crowd * rng.uniform(0.4, 1.6)))
        form = rng.choices(("one", "range", "more", "upto"), (0.55, 0.2, 0.15, 0.1))[0]
        if estimator == "various estimates":
            form = "range"
        low, high = {"one": (value, value), "range": (value, value * rng.randint(2, 4)),
                     "more": (value, None), "upto": (None, value)}[form]
        if estimator == "media":
            estimator = rng.choice(self.media)
            who_ru, who_en = f"пишет {estimator}", f"{estimator} reported"
        else:
            who_ru, who_en = WHO_RU[estimator], WHO_EN[estimator]
        return {"metric": "crowd", "low": low, "high": high, "estimator": estimator,
                "ru": CROWD_RU[form].format(city=city.name_ru, low=_ru(low or 0), high=_ru(high or 0), who=who_ru),
                "en": CROWD_EN[form].format(city=city.name_en, low=_en(low or 0), high=_en(high or 0), who=who_en)}

    def _detentions(self, city: City, day: date, value: int, hour: int) -> dict:
        rng = self.rng
        estimator = rng.choices(("OVD-Info", "police", "media"), (0.65, 0.2, 0.15))[0]
        minute = rng.randint(0, 59)
        offset = "+03:00" if city.lon < 45 else rng.choice(("+05:00", "+07:00", "+03:00"))
        as_of = f"{day.isoformat()}T{hour:02d}:{minute:02d}:00{offset}" if estimator == "OVD-Info" else ""
        at_least = estimator == "OVD-Info" and rng.random() < 0.15
        low, high = (value, None) if at_least else (value, value)
        more_ru, more_en = ("не менее ", "at least ") if at_least else ("", "")
        if estimator == "OVD-Info":
            ru = f"По данным ОВД-Инфо, к {hour:02d}:{minute:02d} в городе {city.name_ru} задержаны {more_ru}{_ru(value)} человек."
            en = f"By {hour:02d}:{minute:02d}, OVD-Info counted {more_en}{_en(value)} detentions in {city.name_en}."
        elif estimator == "police":
            ru = f"В полиции сообщили, что в городе {city.name_ru} задержаны {_ru(value)} человек."
            en = f"Police in {city.name_en} said {_en(value)} people had been detained."
        else:
            estimator = rng.choice(self.media)
            ru = f"Корреспондент {estimator} насчитал в городе {city.name_ru} {_ru(value)} задержанных."
            en = f"A {estimator} correspondent counted {_en(value)} detentions in {city.name_en}."
        return {"metric": "detentions", "low": low, "high": high, "estimator": estimator, "as_of": as_of,
                "ru": ru, "en": en}

    def national_items(self, day: date, cities_that_day: int, later_day: date | None) -> list[dict]:
        rng = self.rng
        items = []
        total = rng.randint(300, 1500)
        for hour in sorted(rng.sample(range(12, 24), rng.randint(2, 6))):
            total += rng.randint(50, 1500)
            items.append({"metric": "detentions", "low": total, "high": total, "estimator": "OVD-Info", "city": None,
                          "as_of": f"{day.isoformat()}T{hour:02d}:00:00+03:00",
                          "ru": f"По данным ОВД-Инфо на {hour:02d}:00, по всей России задержаны {_ru(total)} человек.",
                          "en": f"As of {hour:02d}:00 Moscow time OVD-Info counted {_en(total)} detentions across Russia."})
        with_detentions = max(1, int(cities_that_day * rng.uniform(0.5, 0.9)))
        items.append({"metric": "cities", "counted": "detentions", "low": with_detentions, "high": with_detentions,
                      "estimator": "OVD-Info", "city": None,
                      "ru": f"ОВД-Инфо сообщает о задержаниях в {_ru(with_detentions)} городах.",
                      "en": f"OVD-Info recorded detentions in {_en(with_detentions)} cities."})
        for estimator, share in (("organisers", 1.1), ("unattributed", 0.95)):
            held = max(1, int(cities_that_day * share))
            items.append({"metric": "cities", "counted": "protests", "low": held, "high": None, "estimator": estimator,
                          "city": None, "ru": f"Акции прошли более чем в {_ru(held)} городах.",
                          "en": f"Protests took place in more than {_en(held)} cities."})
        announced = int(cities_that_day * 1.3) + 1
        items.append({"metric": "cities", "counted": "announced", "low": None, "high": announced,
                      "estimator": "organisers", "city": None,
                      "ru": f"Акции были заявлены почти в {_ru(announced)} городах.",
                      "en": f"Protests were announced in almost {_en(announced)} cities."})
        if later_day is not None and rng.random() < 0.3:
            wave = total * rng.randint(2, 4)
            items.append({"metric": "detentions", "low": wave, "high": wave, "estimator": "OVD-Info", "city": None,
                          "date_end": later_day.isoformat(),
                          "ru": f"За все дни протестов задержаны {_ru(wave)} человек, подсчитали в ОВД-Инфо.",
                          "en": f"OVD-Info counted {_en(wave)} detentions over the whole wave of protests."})
        return items

    # -- the package --------------------------------------------------------------------------
    def build(self) -> dict[str, object]:
        rng, shape = self.rng, self.shape
        cities = _cities(_read(self.real_dir / "cities.csv"), shape.cities, rng)
        days = _days(shape.days)
        shares = [0.92, 0.6, 0.8][: len(days)] + [rng.uniform(0.3, 0.8) for _ in days[3:]]
        city_days = [(day, city) for day, share in zip(days, shares, strict=True) for city in cities if rng.random() < share]
        national_per_day = 9
        per_city_day = max(1.0, (shape.reports - national_per_day * len(days)) / max(1, len(city_days)))

        drafts: dict[date, list[dict]] = {day: [] for day in days}
        for day, city in city_days:
            count = max(1, min(12, int(rng.expovariate(1 / (per_city_day - 0.5)) + 1)))
            for item in self.city_items(city, day, count):
                item["city"] = city
                drafts[day].append(item)
        # About 1 report in 80 says no protest took place in a city that day, as in the real data.
        protesting = {(day, city.city_id) for day, city in city_days}
        quiet = [(day, city) for day in days for city in cities if (day, city.city_id) not in protesting]
        for day, city in rng.sample(quiet, min(len(quiet), shape.reports // 80)):
            drafts[day].append({"metric": "no_protest", "low": None, "high": None, "city": city,
                                "estimator": rng.choice(("unattributed", *self.media)),
                                "ru": f"В городе {city.name_ru} акция протеста так и не состоялась.",
                                "en": f"No protest took place in {city.name_en}."})
        for index, day in enumerate(days):
            cities_that_day = len({item["city"].city_id for item in drafts[day] if item["metric"] != "no_protest"})
            later = days[-1] if index < len(days) - 1 else None
            drafts[day].extend(self.national_items(day, cities_that_day, later))

        sources, reports, archives = [], [], {}
        for day in days:
            items = drafts[day]
            rng.shuffle(items)
            position = 0
            serial = 0
            while position < len(items):
                size = min(len(items) - position, rng.choice((1, 2, 2, 3, 3, 4, 5, 6)))
                chunk = items[position : position + size]
                position += size
                serial += 1
                source_id = f"synth-{day:%Y%m%d}-{serial:05d}"
                language = "ru" if rng.random() < 0.8 else "en"
                publisher = rng.choice(self.publishers)
                published_day = day + timedelta(days=rng.choice((0, 0, 0, 1)))
                published = published_day.isoformat()
                if rng.random() < 0.5:
                    published += f"T{rng.randint(8, 23):02d}:{rng.randint(0, 59):02d}+03:00"
                passages = []
                for number, item in enumerate(chunk, start=1):
                    quote = item[language]
                    lead_in = ("Акции протеста прошли по всей стране." if language == "ru"
                               else "Protests were held across the country.")
                    passages.append(f"{lead_in} {quote}")
                    city = item["city"]
                    reports.append({
                        "report_id": f"{source_id}-{number:02d}", "date": day.isoformat(),
                        "date_end": item.get("date_end", ""), "city_id": city.city_id if city else "",
                        "metric": item["metric"], "counted": item.get("counted", ""),
                        "value_low": "" if item["low"] is None else str(item["low"]),
                        "value_high": "" if item["high"] is None else str(item["high"]),
                        "estimator": item["estimator"], "as_of": item.get("as_of", ""), "source_id": source_id,
                        "quote": quote, "note": "synthetic benchmark report",
                    })
                archives[source_id] = "\n[...]\n".join(passages) + "\n"
                sources.append({
                    "source_id": source_id, "publisher": publisher,
                    "title": f"Synthetic report {serial} of {_label(day)}",
                    "url": f"https://synthetic.invalid/{source_id}", "published": published,
                    "language": language, "kind": rng.choice(("news report", "news report", "live blog", "wire report")),
                    "archive": f"sources/{source_id}.txt",
                    "note": f"SYNTHETIC benchmark source (bench.synthetic, scale {self.scale:g}, seed {self.seed}); not a real publication",
                })
        return {"cities": cities, "days": days, "sources": sources, "reports": reports, "archives": archives}


def write_package(out_dir: Path | str, scale: float = 1.0, seed: int = 1, real_dir: Path | str = DEFAULT_DATA_DIR) -> Path:
    """Write the synthetic package to ``out_dir`` (replacing what was there) and return it."""
    out_dir, real_dir = Path(out_dir), Path(real_dir)
    built = Generator(scale, seed, real_dir).build()
    if out_dir.exists():
        if not (out_dir / "datapackage.json").is_file() and any(out_dir.iterdir()):
            raise SystemExit(f"{out_dir} exists and is not a data package: refusing to replace it")
        shutil.rmtree(out_dir)
    (out_dir / "sources").mkdir(parents=True)

    descriptor = json.loads((real_dir / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["name"] = "synthetic-benchmark-package"
    descriptor["title"] = f"SYNTHETIC benchmark data (scale {scale:g}, seed {seed}): not a record of real events"
    descriptor["description"] = ("Generated by bench.synthetic for benchmarks. No figure here was reported by anyone; "
                                 "the schema is the real package's.")
    (out_dir / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    days = built["days"]
    with (real_dir / "protest_days.csv").open(newline="", encoding="utf-8") as handle:
        day_columns = list(csv.DictReader(handle).fieldnames or ["date", "label", "note"])
    day_rows = [{"date": d.isoformat(), "label": f"{_label(d)} (synthetic)", "label_ru": f"{d:%d.%m.%Y} (синтетический)",
                 "kind": "figures", "note": "synthetic day"} for d in days]
    (out_dir / "protest_days.csv").write_text(_csv_text(
        [{column: row.get(column, "") for column in day_columns} for row in day_rows], day_columns), encoding="utf-8")
    shutil.copyfile(real_dir / "estimators.csv", out_dir / "estimators.csv")
    city_rows = [c.row() for c in built["cities"]]
    (out_dir / "cities.csv").write_text(_csv_text(city_rows, list(city_rows[0])), encoding="utf-8")
    sources = sorted(built["sources"], key=lambda s: s["source_id"])
    (out_dir / "sources.csv").write_text(_csv_text(sources, list(sources[0])), encoding="utf-8")
    for source_id, text in built["archives"].items():
        (out_dir / "sources" / f"{source_id}.txt").write_text(text, encoding="utf-8")
    reports = sorted(built["reports"], key=lambda r: r["report_id"])
    (out_dir / "reports.csv").write_text(_csv_text(reports, list(reports[0])), encoding="utf-8")
    return out_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.synthetic", description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--scale", type=float, default=1.0, help="1 = the real data's shape; 100 = ~95k reports")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--real-dir", type=Path, default=DEFAULT_DATA_DIR,
                        help="the real package whose cities, estimators and schema are reused")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    write_package(args.out_dir, args.scale, args.seed, args.real_dir)
    shape = shape_for(args.scale)
    print(f"{args.out_dir}: synthetic package, scale {args.scale:g}, seed {args.seed} "
          f"(~{shape.cities} cities, {shape.days} days, ~{shape.reports} reports) in {time.perf_counter() - start:.1f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
