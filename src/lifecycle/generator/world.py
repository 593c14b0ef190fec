"""A believable B2B SaaS world, simulated company by company.

Each company gets a journey drawn from probabilities that depend on how well it fits
the ideal customer profile: anonymous visits, a product signup and trial, activation or
not, CRM leads and opportunities, a Stripe subscription with seats, usage that grows,
holds, declines or stops, expansion, renewal or churn, support tickets, payment
failures, disputes and NPS answers. The signals the warehouse computes later (risk,
activity, expansion, walk-away) are consequences of these journeys, not labels.

Everything is drawn from one seeded random stream, so a seed and a `today` give the
same world every time.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import numpy as np

from lifecycle.contract import Table
from lifecycle.generator import vocab as v
from lifecycle.generator.buffers import ChunkedColumns, RowBuffer
from lifecycle.generator.ids import IdFactory

HISTORY_DAYS = 548  # about 18 months
COMPANIES_PER_SCALE = 1000
TRIAL_DAYS = 14
EPOCH = datetime(1970, 1, 1)

EVENT_NAMES: list[str] = [
    *v.ROUTINE_EVENTS,
    v.EVENT_SIGNED_UP,
    v.EVENT_TRIAL_STARTED,
    v.EVENT_MEMBER_INVITED,
    v.EVENT_DEMO_REQUESTED,
    v.EVENT_CONTACT_SALES,
    v.EVENT_PRICING_VIEWED,
    v.EVENT_FEATURE_GATED,
    v.EVENT_CHECKOUT,
    v.EVENT_NPS,
    v.EVENT_SIGNUP_STARTED,
]
EVENT_CODE = {name: i for i, name in enumerate(EVENT_NAMES)}
_ROUTINE_CODES = np.array([EVENT_CODE[n] for n in v.ROUTINE_EVENTS], dtype=np.int16)
_ROUTINE_P = np.array([w for w, _ in v.ROUTINE_EVENTS.values()])
_ROUTINE_P = _ROUTINE_P / _ROUTINE_P.sum()

EVENT_COLUMNS = ("ts", "user", "anon", "group", "event")


@dataclass
class Person:
    first: str
    last: str
    email: str | None
    user_id: str | None
    anon_ids: list[str]
    join_day: int
    leave_day: int
    rate: float
    user_code: int = -1
    anon_codes: list[int] = field(default_factory=list)
    zendesk_user_id: int | None = None


@dataclass
class Company:
    index: int
    name: str
    domain: str
    industry: str
    employees: int
    country: str
    region: str
    fit: int
    uses_free_mail: bool
    is_internal: bool
    first_touch_day: int
    people: list[Person] = field(default_factory=list)
    group_id: str | None = None
    group_code: int = -1
    sf_account_id: str | None = None
    zendesk_org_id: int | None = None


@dataclass
class Journey:
    """Key days of one company's story (day indexes from the start of history)."""

    signup_day: int | None = None
    # a workspace whose app sends no email trait and no signup event (people provisioned
    # by single sign-on, say): product activity tied to no known contact (Unknown)
    no_email_signup: bool = False
    activation_day: int | None = None  # days after signup when both activation events done
    converts: bool = False
    sales_led: bool = False
    purchase_day: int | None = None
    trajectory: str = "none"
    decline_day: int | None = None
    stop_day: int | None = None
    cancel_request_day: int | None = None
    end_day: int | None = None  # subscription ended
    usage_end_day: int = 0
    annual: bool = False
    top_down: bool = False  # bought by an executive first; the team onboards afterwards


class World:
    """Builds every raw table of the contract for one seed, scale and today."""

    def __init__(
        self,
        tables: dict[str, Table],
        seed: int,
        scale: float,
        today: date,
        activity: float = 1.0,
    ) -> None:
        self.seed = seed
        self.scale = scale
        self.activity = activity  # multiplies every person's routine product-event rate
        self.today = today
        self.start = today - timedelta(days=HISTORY_DAYS)
        self.days = HISTORY_DAYS
        self.load_time = datetime(today.year, today.month, today.day, 0, 15)
        self.rnd = random.Random(seed)
        self.rng = np.random.default_rng(seed)
        self.ids = IdFactory(random.Random(seed + 1))
        self.rows = {key.split(".", 1)[1]: RowBuffer(t) for key, t in tables.items()}
        self.events = ChunkedColumns(EVENT_COLUMNS)
        self.user_ids: list[str] = []
        self.anon_ids: list[str] = []
        self.group_ids: list[str] = []
        self.nps_event_index: list[int] = []
        self.n_events = 0
        self._zendesk_seq = 360000000000
        self.reps = [self.ids.salesforce("005") for _ in range(8)]
        self.agents: list[int] = []
        self.kiosk_anon_codes: list[int] = []
        self._account_rows: dict[str, int] = {}
        self._referrers: list[tuple[int, str]] = []  # (from day, Salesforce account id)
        self._first_visit_anon = ""
        self._weekday = np.array(
            [
                0.35 if (self.start + timedelta(days=d)).weekday() >= 5 else 1.0
                for d in range(self.days)
            ]
        )

    # ------------------------------------------------------------------ helpers
    def day_date(self, day: int) -> date:
        return self.start + timedelta(days=day)

    def at(self, day: float, hour: float | None = None) -> datetime:
        """A UTC timestamp on `day`: at `hour` exactly, or at a plausible random time."""
        base = datetime.combine(self.start, datetime.min.time()) + timedelta(days=int(day))
        if hour is not None:
            return base + timedelta(hours=hour)
        hour = min(23.9, max(0.0, self.rnd.gauss(14.0, 3.5)))
        return base + timedelta(hours=hour, seconds=self.rnd.randint(0, 59))

    def synced(self, modified: datetime) -> datetime:
        """When Fivetran picked the row up: shortly after it changed, never after load."""
        lag = timedelta(minutes=self.rnd.randint(5, 360))
        return min(modified + lag, self.load_time)

    def zendesk_id(self) -> int:
        self._zendesk_seq += self.rnd.randint(1, 999)
        return self._zendesk_seq

    def register(self, registry: list[str], value: str) -> int:
        registry.append(value)
        return len(registry) - 1

    def messy_email(self, email: str | None, rate: float) -> str | None:
        """How an email arrives from a loader: sometimes padded or mixed case."""
        if email is None or self.rnd.random() >= rate:
            return email
        style = self.rnd.randrange(3)
        if style == 0:
            return email.upper()
        if style == 1:
            return f"  {email.capitalize()} "
        return email.title() + " "

    # ------------------------------------------------------------------ build
    def build(self) -> None:
        n_companies = max(30, round(COMPANIES_PER_SCALE * self.scale))
        self._make_agents()
        self.kiosk_anon_codes = [self.register(self.anon_ids, self.ids.uuid()) for _ in range(3)]
        self._make_prices()
        domains: set[str] = set()
        for i in range(n_companies):
            company = self._make_company(i, domains)
            self._simulate(company)
        for i in range(3):
            self._simulate_internal(n_companies + i)
        self._stale_leads(max(5, n_companies // 25))

    def _make_agents(self) -> None:
        user = self.rows["user"]
        for i in range(6):
            zid = self.zendesk_id()
            self.agents.append(zid)
            first = v.FIRST_NAMES[(i * 7) % len(v.FIRST_NAMES)]
            created = self.at(self.rnd.randint(0, 30))
            user.add(
                id=zid,
                email=f"{first.lower()}@{v.VENDOR_DOMAIN}",
                name=f"{first} (Orbit Support)",
                role="agent" if i else "admin",
                active=True,
                created_at=created,
                updated_at=created,
                _fivetran_deleted=False,
                _fivetran_synced=self.synced(created),
            )

    def _make_prices(self) -> None:
        price = self.rows["price"]
        created = self.at(0, 9)
        for pid, nickname, amount, interval in v.PRICES:
            price.add(
                id=pid,
                nickname=nickname,
                product_id="prod_orbit",
                unit_amount=amount,
                currency="usd",
                recurring_interval=interval,
                recurring_interval_count=1,
                active=True,
                created=created,
                livemode=True,
                _fivetran_synced=self.synced(created),
            )
        pid, nickname, amount, interval = v.TEST_PRICE
        price.add(
            id=pid,
            nickname=nickname,
            product_id="prod_orbit_test",
            unit_amount=amount,
            currency="usd",
            recurring_interval=interval,
            recurring_interval_count=1,
            active=True,
            created=created,
            livemode=False,
            _fivetran_synced=self.synced(created),
        )

    def _make_company(self, index: int, domains: set[str]) -> Company:
        rnd = self.rnd
        while True:
            name = f"{rnd.choice(v.COMPANY_PREFIXES)}{rnd.choice(v.COMPANY_CORES)}"
            suffix = rnd.choice(v.COMPANY_SUFFIXES)
            domain = (name + rnd.choice(["", "", "-" + suffix.lower()])).lower() + rnd.choice(
                v.TLDS
            )
            if domain not in domains:
                domains.add(domain)
                break
        region = rnd.choices(list(v.REGION_WEIGHTS), weights=list(v.REGION_WEIGHTS.values()))[0]
        employees = int(min(20000, max(1, rnd.lognormvariate(3.6, 1.5))))
        industry = rnd.choice(v.INDUSTRIES)
        fit = (
            (industry in v.ICP_INDUSTRIES)
            + (region in v.ICP_REGIONS)
            + (v.ICP_MIN_EMPLOYEES <= employees <= v.ICP_MAX_EMPLOYEES)
        )
        first_touch = int(self.days * rnd.random() ** 0.8)
        return Company(
            index=index,
            name=f"{name} {suffix}",
            domain=domain,
            industry=industry,
            employees=employees,
            country=rnd.choice(v.COUNTRIES[region]),
            region=region,
            fit=fit,
            uses_free_mail=employees < 10 and rnd.random() < 0.5,
            is_internal=False,
            first_touch_day=first_touch,
        )

    # ------------------------------------------------------------------ people
    def _new_person(self, company: Company, join_day: int, *, personal: bool = False) -> Person:
        rnd = self.rnd
        first, last = rnd.choice(v.FIRST_NAMES), rnd.choice(v.LAST_NAMES)
        if company.uses_free_mail or personal:
            email = f"{first}.{last}{rnd.randint(1, 999)}@{rnd.choice(v.FREE_MAIL_DOMAINS)}"
        else:
            pattern = rnd.randrange(3)
            local = [f"{first}.{last}", f"{first[0]}{last}", first][pattern]
            email = f"{local}@{company.domain}"
            if any(p.email == email.lower() for p in company.people):
                email = f"{first}.{last}{rnd.randint(2, 99)}@{company.domain}"
        person = Person(
            first=first,
            last=last,
            email=email.lower(),
            user_id=None,
            anon_ids=[],
            join_day=join_day,
            leave_day=self.days,
            rate=rnd.gammavariate(2.2, 1.1),
        )
        company.people.append(person)
        return person

    def _activate_user(self, person: Person) -> None:
        """Give a person a product user id and one or two devices."""
        person.user_id = self.ids.short("usr", 10)
        person.user_code = self.register(self.user_ids, person.user_id)
        for _ in range(1 + (self.rnd.random() < 0.35)):
            anon = self.ids.uuid()
            person.anon_ids.append(anon)
            person.anon_codes.append(self.register(self.anon_ids, anon))

    # ------------------------------------------------------------------ journey
    def _draw_journey(self, c: Company) -> Journey:
        rnd = self.rnd
        j = Journey()
        lift = [0.65, 0.85, 1.1, 1.3][c.fit]
        last_day = self.days - 1
        if rnd.random() < min(0.9, 0.6 * lift):
            j.signup_day = c.first_touch_day + min(60, int(rnd.expovariate(1 / 6)))
            if j.signup_day > last_day:
                j.signup_day = None
        if j.signup_day is None:
            return j
        j.no_email_signup = rnd.random() < 0.04
        if rnd.random() < min(0.92, 0.58 * lift):
            roll = rnd.random()
            j.activation_day = (
                rnd.randint(0, 6) if roll < 0.8 else 7 if roll < 0.9 else rnd.randint(8, 14)
            )
        activated = j.activation_day is not None
        p_convert = (0.55 if activated else 0.04) * lift
        if not j.no_email_signup and rnd.random() < min(0.85, p_convert):
            j.converts = True
            j.sales_led = c.employees >= 50 and rnd.random() < 0.75
            delay = rnd.randint(25, 110) if j.sales_led else TRIAL_DAYS + rnd.randint(0, 21)
            j.purchase_day = j.signup_day + delay
            if j.purchase_day > last_day - 1:
                j.converts = False
                j.purchase_day = None
        if not j.converts:
            if activated:
                j.trajectory = "free"
                j.usage_end_day = j.signup_day + rnd.randint(30, 500)
            else:
                j.trajectory = "abandoned"
                j.usage_end_day = j.signup_day + rnd.randint(2, 25)
            if j.sales_led is False and activated and c.employees >= 50 and rnd.random() < 0.5:
                j.sales_led = True  # sales works the free workspace; the deal may not close
            return j

        self._draw_customer_trajectory(c, j, lift)
        return j

    def _draw_customer_trajectory(self, c: Company, j: Journey, lift: float) -> None:
        """What happens after the purchase: growth, steady use, decline, or silence."""
        rnd = self.rnd
        j.annual = rnd.random() < (0.55 if c.employees >= 50 else 0.2)
        p = j.purchase_day
        roll = rnd.random() * lift
        if roll < 0.10:
            j.trajectory = "early_churn"
        elif roll < 0.30:
            j.trajectory = "decline"
        elif roll < 0.38:
            j.trajectory = "stop"
        elif roll < 0.78:
            j.trajectory = "steady"
        else:
            j.trajectory = "grow"
        j.usage_end_day = self.days + 1000
        if j.trajectory == "decline":
            j.decline_day = p + rnd.randint(45, 320)
            j.cancel_request_day = j.decline_day + rnd.randint(30, 100)
        elif j.trajectory == "stop":
            j.stop_day = p + rnd.randint(60, 300)
            j.usage_end_day = j.stop_day
            if rnd.random() < 0.6:
                j.cancel_request_day = j.stop_day + rnd.randint(30, 150)
        elif j.trajectory == "early_churn":
            j.cancel_request_day = p + rnd.randint(10, 50)

    def _usage_curve(self, c: Company, j: Journey) -> np.ndarray:
        """Company-level multiplier on every user's event rate, per day."""
        curve = np.zeros(self.days)
        s = j.signup_day
        if s is None:
            return curve
        d = np.arange(self.days)
        activated = j.activation_day is not None
        trial_level = 1.0 if activated else 0.6
        curve[(d >= s) & (d < s + TRIAL_DAYS)] = trial_level
        if not j.converts:
            after = (d >= s + TRIAL_DAYS) & (d < j.usage_end_day)
            curve[after] = 0.55 if activated else 0.3
            curve[(d >= s) & (d >= j.usage_end_day)] = 0.0
            return curve
        p = j.purchase_day
        curve[(d >= s + TRIAL_DAYS) & (d < p)] = 0.8
        paid = d >= p
        curve[paid] = 1.0
        if j.trajectory == "grow":
            curve[paid] = 1.0 + 0.6 * np.clip((d[paid] - p) / 200.0, 0, 1)
        elif j.trajectory == "early_churn":
            curve[paid] = 0.35
        elif j.trajectory == "decline":
            decline = d >= j.decline_day
            curve[decline] = np.maximum(0.15, 1.0 - 0.85 * (d[decline] - j.decline_day) / 45.0)
        elif j.trajectory == "stop":
            curve[d >= j.stop_day] = 0.0
        if j.top_down:
            onboarding = d >= s
            curve[onboarding] *= np.clip(0.15 + 0.85 * (d[onboarding] - s) / 60.0, 0, 1)
        curve[d < s] = 0.0
        if j.end_day is not None:
            curve[d >= j.end_day] = 0.0
        return curve

    # ------------------------------------------------------------------ simulate
    def _simulate(self, c: Company) -> None:
        j = self._draw_journey(c)
        self._marketing_visits(c, j)
        if j.signup_day is None:
            if self.rnd.random() < 0.45:
                self._lead_only(c)
            return
        self._signup(c, j)
        self._team(c, j)
        lead = self._crm_lead(c, j)
        opp_close = self._sales_cycle(c, j, lead)
        if j.converts:
            self._subscription(c, j, opp_close)
        curve = self._usage_curve(c, j)
        self._usage_events(c, j, curve)
        self._support(c, j, curve)
        self._nps(c, j, curve)

    def _marketing_visits(self, c: Company, j: Journey) -> None:
        rnd = self.rnd
        pages = self.rows["pages"]
        visitor_anon = self.ids.uuid()
        c.people.clear()
        self._first_visit_anon = visitor_anon
        end = j.signup_day if j.signup_day is not None else c.first_touch_day + rnd.randint(0, 30)
        sessions = 1 + min(6, int(rnd.expovariate(1 / 1.8)))
        for _ in range(sessions):
            day = rnd.randint(c.first_touch_day, max(c.first_touch_day, min(end, self.days - 1)))
            ts = self.at(day)
            source, medium = rnd.choice(v.CAMPAIGN_SOURCES)
            for k in range(1 + min(5, int(rnd.expovariate(1 / 1.5)))):
                t = ts + timedelta(seconds=40 * k + rnd.randint(0, 30))
                pages.add(
                    id=self.ids.uuid(),
                    anonymous_id=visitor_anon,
                    path=rnd.choice(v.MARKETING_PATHS),
                    context_campaign_source=source if k == 0 else None,
                    context_campaign_medium=medium if k == 0 else None,
                    timestamp=t,
                    received_at=t + timedelta(seconds=rnd.uniform(0.2, 3)),
                )
        if j.signup_day is None and rnd.random() < 0.3:
            # Started the signup form, never finished: an anonymous product event.
            day = min(self.days - 1, end)
            self._emit_single(
                self.at(day),
                -1,
                self.register(self.anon_ids, visitor_anon),
                -1,
                v.EVENT_SIGNUP_STARTED,
            )

    def _emit_single(self, ts: datetime, user: int, anon: int, group: int, event: str) -> int:
        seconds = int((ts - EPOCH).total_seconds())
        self.events.append(
            ts=np.array([seconds], dtype=np.int64),
            user=np.array([user], dtype=np.int32),
            anon=np.array([anon], dtype=np.int32),
            group=np.array([group], dtype=np.int32),
            event=np.array([EVENT_CODE[event]], dtype=np.int16),
        )
        self.n_events += 1
        return self.n_events - 1

    def _identify(self, person: Person, day: float, anon_code: int, *, with_email: bool) -> None:
        ts = self.at(day)
        self.rows["identifies"].add(
            id=self.ids.uuid(),
            anonymous_id=self.anon_ids[anon_code],
            user_id=person.user_id,
            email=self.messy_email(person.email, 0.06) if with_email else None,
            name=f"{person.first} {person.last}",
            timestamp=ts,
            received_at=ts + timedelta(seconds=self.rnd.uniform(0.2, 4)),
        )

    def _group(self, c: Company, person: Person, day: float) -> None:
        ts = self.at(day)
        self.rows["groups"].add(
            id=self.ids.uuid(),
            anonymous_id=person.anon_ids[0],
            user_id=person.user_id,
            group_id=c.group_id,
            name=c.name,
            timestamp=ts,
            received_at=ts + timedelta(seconds=self.rnd.uniform(0.2, 4)),
        )

    def _join_product(
        self, c: Company, person: Person, day: int, *, no_email: bool, founder: bool
    ) -> None:
        self._activate_user(person)
        signup_anon = person.anon_codes[0]
        if founder and self.rnd.random() < 0.08:
            # Signed up at a conference kiosk: a device shared with many other people.
            signup_anon = self.rnd.choice(self.kiosk_anon_codes)
        elif founder:
            # The marketing-site visitor id becomes the founder's first device.
            person.anon_ids[0] = self._first_visit_anon
            self.anon_ids[person.anon_codes[0]] = self._first_visit_anon
            signup_anon = person.anon_codes[0]
        self._identify(person, day, signup_anon, with_email=not no_email)
        for extra in person.anon_codes[1:]:
            self._identify(person, day + self.rnd.randint(1, 60), extra, with_email=False)
        self._group(c, person, day)
        if not no_email:
            ts = self.at(day)
            self._emit_single(ts, person.user_code, signup_anon, c.group_code, v.EVENT_SIGNED_UP)

    def _signup(self, c: Company, j: Journey) -> None:
        s = j.signup_day
        c.group_id = self.ids.short("ws", 8)
        c.group_code = self.register(self.group_ids, c.group_id)
        founder = self._new_person(c, s)
        if c.is_internal:
            founder.email = f"qa+{c.index}@{v.VENDOR_DOMAIN}"
        elif c.uses_free_mail is False and self.rnd.random() < 0.06:
            founder.email = (
                f"{founder.first}.{founder.last}{self.rnd.randint(1, 99)}"
                f"@{self.rnd.choice(v.FREE_MAIL_DOMAINS)}"
            ).lower()
        self._join_product(c, founder, s, no_email=j.no_email_signup, founder=True)
        if not j.no_email_signup:
            ts = self.at(s)
            self._emit_single(
                ts, founder.user_code, founder.anon_codes[0], c.group_code, v.EVENT_TRIAL_STARTED
            )
        a = j.activation_day
        if a is not None:
            first_step = self.rnd.randint(0, a)
            self._emit_single(
                self.at(s + first_step),
                founder.user_code,
                founder.anon_codes[0],
                c.group_code,
                v.EVENT_PROJECT_CREATED,
            )
            self._emit_single(
                self.at(s + a, 15.0),
                founder.user_code,
                founder.anon_codes[0],
                c.group_code,
                v.EVENT_MEMBER_INVITED,
            )
            j.activation_day = a

    def _team(self, c: Company, j: Journey) -> None:
        """Teammates invited into the workspace over time."""
        rnd = self.rnd
        s = j.signup_day
        founder = c.people[0]
        if j.activation_day is None:
            if rnd.random() < 0.25:
                self._add_member(c, j, s + rnd.randint(9, 30), founder)
            return
        target = 1 + max(1, min(c.employees - 1, int(rnd.lognormvariate(1.1, 0.7))))
        # the invite that completed activation
        self._add_member(c, j, s + j.activation_day + rnd.randint(0, 1), founder, invited=False)
        for _ in range(target - 2):
            self._add_member(c, j, s + rnd.randint(j.activation_day + 1, 60), founder)
        if j.trajectory == "grow":
            day = j.purchase_day + 30
            while day < self.days:
                self._add_member(c, j, day, founder)
                day += rnd.randint(12, 45)
        # people leave: departures shrink active users without anyone cancelling
        for person in c.people[1:]:
            if rnd.random() < 0.12:
                person.leave_day = person.join_day + rnd.randint(30, 400)

    def _add_member(
        self, c: Company, j: Journey, day: int, inviter: Person, invited: bool = True
    ) -> None:
        if day >= self.days:
            return
        person = self._new_person(c, day, personal=self.rnd.random() < 0.05)
        if invited:
            self._emit_single(
                self.at(day),
                inviter.user_code,
                inviter.anon_codes[0],
                c.group_code,
                v.EVENT_MEMBER_INVITED,
            )
        self._join_product(c, person, day, no_email=j.no_email_signup, founder=False)

    # ------------------------------------------------------------------ CRM
    def _lead_only(self, c: Company) -> None:
        """A form fill or event scan that never touched the product."""
        rnd = self.rnd
        day = c.first_touch_day
        if rnd.random() < 0.25:
            email = f"{rnd.choice(v.ROLE_LOCAL_PARTS)}@{c.domain}"
            first, last = None, "Unknown"
        else:
            person = self._new_person(c, day)
            email, first, last = person.email, person.first, person.last
        status = rnd.choices(
            ["Open - Not Contacted", "Working - Contacted", "Nurture", "Unqualified"],
            weights=[0.35, 0.3, 0.2, 0.15],
        )[0]
        lead_source = rnd.choice(["Web Form", "Event", "Outbound", "Partner Referral"])
        referred_by = None
        happy_customers = [sf_id for since, sf_id in self._referrers if since < day]
        if happy_customers and rnd.random() < 0.12:
            lead_source, referred_by = "Customer Referral", rnd.choice(happy_customers)
        created = self.at(day)
        modified = created + timedelta(
            days=rnd.randint(0, 40) if status != "Open - Not Contacted" else 0
        )
        modified = min(modified, self.load_time - timedelta(hours=1))
        lead_id = self.ids.salesforce("00Q")
        converted = c.fit >= 2 and status == "Working - Contacted" and rnd.random() < 0.5
        values = dict(
            id=lead_id,
            email=self.messy_email(email, 0.06),
            first_name=first,
            last_name=last,
            company=c.name,
            website=f"https://www.{c.domain}",
            industry=c.industry,
            number_of_employees=c.employees,
            country=c.country,
            status=status,
            lead_source=lead_source,
            referred_by_account_c=referred_by,
            is_converted=False,
            owner_id=rnd.choice(self.reps),
            created_date=created,
            last_modified_date=modified,
            is_deleted=False,
            _fivetran_synced=self.synced(modified),
        )
        if converted:
            # Outbound deal without a trial: the opportunity may be won or lost.
            opp_day = day + rnd.randint(5, 40)
            if opp_day < self.days - 1:
                account_id = self._crm_account(c, opp_day, "Prospect")
                contact_id = self._crm_contact(c, account_id, email, first, last, opp_day)
                opp_id, close_day, won = self._opportunity(
                    c, account_id, opp_day, win_p=0.45, stall_p=0.4
                )
                if won and close_day is not None and close_day < self.days - 2:
                    self._top_down_customer(c, close_day)
                values.update(
                    status="Qualified",
                    is_converted=True,
                    converted_account_id=account_id,
                    converted_contact_id=contact_id,
                    converted_opportunity_id=opp_id,
                    converted_date=self.at(opp_day),
                    last_modified_date=self.at(opp_day),
                    _fivetran_synced=self.synced(self.at(opp_day)),
                )
        self.rows["lead"].add(**values)
        self._maybe_deleted_duplicate_lead(values)

    def _top_down_customer(self, c: Company, close_day: int) -> None:
        """An outbound deal closed before anyone used the product: billing starts at the
        close, the team signs up afterwards and usage ramps up while it onboards."""
        rnd = self.rnd
        c.people.clear()  # the buyer stays a CRM contact; product users are the team
        j = Journey(
            signup_day=min(self.days - 1, close_day + rnd.randint(3, 30)),
            activation_day=rnd.randint(0, 6),
            converts=True,
            sales_led=True,
            purchase_day=close_day,
            top_down=True,
        )
        self._draw_customer_trajectory(c, j, [0.65, 0.85, 1.1, 1.3][c.fit])
        self._first_visit_anon = self.ids.uuid()
        self._signup(c, j)
        self._team(c, j)
        self._subscription(c, j, close_day)
        curve = self._usage_curve(c, j)
        self._usage_events(c, j, curve)
        self._support(c, j, curve)
        self._nps(c, j, curve)

    def _maybe_deleted_duplicate_lead(self, values: dict) -> None:
        if self.rnd.random() < 0.03:
            dup = dict(values)
            dup.update(
                id=self.ids.salesforce("00Q"),
                is_deleted=True,
                is_converted=False,
                converted_account_id=None,
                converted_contact_id=None,
                converted_opportunity_id=None,
                converted_date=None,
                status="Open - Not Contacted",
            )
            self.rows["lead"].add(**dup)

    def _crm_lead(self, c: Company, j: Journey) -> dict | None:
        """Marketing automation creates a lead for every product signup with an email."""
        if j.no_email_signup:
            return None
        rnd = self.rnd
        founder = c.people[0]
        s = j.signup_day
        created = self.at(s, 20.0)
        personal_domain = founder.email.split("@")[1] in v.FREE_MAIL_DOMAINS
        lead = dict(
            id=self.ids.salesforce("00Q"),
            email=self.messy_email(founder.email, 0.06),
            first_name=founder.first,
            last_name=founder.last,
            company=None if personal_domain and c.uses_free_mail else c.name,
            website=None if c.uses_free_mail else f"https://www.{c.domain}",
            industry=c.industry if rnd.random() < 0.7 else None,
            number_of_employees=c.employees if rnd.random() < 0.6 else None,
            country=c.country,
            status="Open - Not Contacted",
            lead_source="Product Signup",
            is_converted=False,
            owner_id=rnd.choice(self.reps),
            created_date=created,
            last_modified_date=created,
            is_deleted=False,
        )
        if j.activation_day is not None or c.fit >= 2:
            touched = s + rnd.randint(1, 10)
            if touched < self.days - 1:
                lead.update(status="Working - Contacted", last_modified_date=self.at(touched))
        if c.fit == 0 and rnd.random() < 0.5 and not j.converts:
            lead.update(status="Unqualified")
        return lead

    def _crm_account(self, c: Company, day: int, account_type: str) -> str:
        if c.sf_account_id:
            return c.sf_account_id
        c.sf_account_id = self.ids.salesforce("001")
        created = self.at(day)
        self._account_rows[c.sf_account_id] = self.rows["account"].size
        self.rows["account"].add(
            id=c.sf_account_id,
            name=c.name,
            website=None if c.uses_free_mail else f"https://www.{c.domain}",
            industry=c.industry,
            number_of_employees=c.employees,
            billing_country=c.country,
            type=account_type,
            account_source="Product" if c.group_id else "Outbound",
            owner_id=self.rnd.choice(self.reps),
            created_date=created,
            is_deleted=False,
            _fivetran_synced=self.synced(created),
        )
        return c.sf_account_id

    def _set_account_type(self, c: Company, account_type: str, day: int) -> None:
        """Update the CRM account type in place (the table holds the latest version)."""
        if not c.sf_account_id:
            return
        rows = self.rows["account"].columns
        idx = self._account_rows[c.sf_account_id]
        rows["type"][idx] = account_type
        rows["_fivetran_synced"][idx] = self.synced(self.at(min(day, self.days - 1)))

    def _crm_contact(
        self,
        c: Company,
        account_id: str,
        email: str | None,
        first: str | None,
        last: str | None,
        day: int,
    ) -> str:
        contact_id = self.ids.salesforce("003")
        created = self.at(day)
        self.rows["contact"].add(
            id=contact_id,
            account_id=account_id,
            email=self.messy_email(email, 0.05),
            first_name=first,
            last_name=last,
            title=self.rnd.choice(
                [
                    "Head of Operations",
                    "CTO",
                    "Product Manager",
                    "Engineering Manager",
                    "Founder",
                    "COO",
                    "Team Lead",
                    None,
                ]
            ),
            lead_source="Product Signup" if c.group_id else "Outbound",
            owner_id=self.rnd.choice(self.reps),
            created_date=created,
            is_deleted=False,
            _fivetran_synced=self.synced(created),
        )
        return contact_id

    def _opportunity(
        self,
        c: Company,
        account_id: str,
        day: int,
        *,
        win_p: float,
        stall_p: float,
        forced_close: int | None = None,
        opp_type: str = "New Business",
    ) -> tuple[str, int | None, bool]:
        """A deal that moves through the stages; returns (id, close day, won)."""
        rnd = self.rnd
        opp_id = self.ids.salesforce("006")
        created = self.at(day)
        stage_idx, stage_day = 0, day
        won = rnd.random() < win_p
        stalls = not won and rnd.random() < stall_p
        stall_stage = rnd.choice([0, 0, 1, 1, 2]) if stalls else None
        close_day: int | None = None
        while True:
            if stall_stage is not None and stage_idx == stall_stage:
                break
            step = rnd.randint(3, 18)
            if forced_close is not None and stage_idx == len(v.OPPORTUNITY_STAGES) - 1:
                step = max(1, forced_close - stage_day)
            if stage_day + step >= self.days:
                break
            stage_day += step
            if stage_idx == len(v.OPPORTUNITY_STAGES) - 1 or (not won and rnd.random() < 0.18):
                close_day = stage_day
                break
            stage_idx += 1
        if close_day is not None:
            stage, probability = v.CLOSED_WON if won else v.CLOSED_LOST
        else:
            stage, probability = v.OPPORTUNITY_STAGES[stage_idx]
        modified = self.at(stage_day)
        seats = max(3, min(c.employees, int(rnd.lognormvariate(2.0, 0.6))))
        self.rows["opportunity"].add(
            id=opp_id,
            account_id=account_id,
            name=f"{c.name} - {opp_type}",
            stage_name=stage,
            amount=float(seats * rnd.choice([360, 600])),
            probability=probability,
            type=opp_type,
            lead_source="Product Signup" if c.group_id else "Outbound",
            is_closed=close_day is not None,
            is_won=close_day is not None and won,
            owner_id=rnd.choice(self.reps),
            close_date=self.at(close_day if close_day is not None else stage_day + 30, 0),
            created_date=created,
            last_modified_date=modified,
            is_deleted=False,
            _fivetran_synced=self.synced(modified),
        )
        if rnd.random() < 0.01:
            self.rows["opportunity"].add(
                id=self.ids.salesforce("006"),
                account_id=account_id,
                name=f"{c.name} - test deal",
                stage_name="Prospecting",
                amount=1.0,
                probability=10.0,
                type=opp_type,
                is_closed=False,
                is_won=False,
                owner_id=rnd.choice(self.reps),
                close_date=created,
                created_date=created,
                last_modified_date=created,
                is_deleted=True,
                _fivetran_synced=self.synced(created),
            )
        return opp_id, close_day, won and close_day is not None

    def _sales_cycle(self, c: Company, j: Journey, lead: dict | None) -> int | None:
        """Qualification, hand-raise and the opportunity; returns the won close day."""
        rnd = self.rnd
        won_day = None
        founder = c.people[0]
        if lead is not None and j.sales_led:
            qualify_day = j.signup_day + rnd.randint(3, 25)
            if j.converts:
                qualify_day = min(qualify_day, j.purchase_day - 20)
            if qualify_day < self.days - 1:
                hand_raise = rnd.choice([v.EVENT_DEMO_REQUESTED, v.EVENT_CONTACT_SALES])
                self._emit_single(
                    self.at(qualify_day - 1),
                    founder.user_code,
                    founder.anon_codes[0],
                    c.group_code,
                    hand_raise,
                )
                self._emit_single(
                    self.at(qualify_day - 1),
                    founder.user_code,
                    founder.anon_codes[0],
                    c.group_code,
                    v.EVENT_PRICING_VIEWED,
                )
                opens_opp = j.converts or rnd.random() < 0.6
                if opens_opp:
                    opp_day = qualify_day + rnd.randint(0, 7)
                    account_id = self._crm_account(c, opp_day, "Prospect")
                    contact_id = self._crm_contact(
                        c, account_id, founder.email, founder.first, founder.last, opp_day
                    )
                    opp_id, close_day, won = self._opportunity(
                        c,
                        account_id,
                        opp_day,
                        win_p=1.0 if j.converts else 0.0,
                        stall_p=0.45,
                        forced_close=j.purchase_day if j.converts else None,
                    )
                    if j.converts:
                        if won and close_day is not None:
                            won_day = close_day
                        else:
                            j.converts, j.purchase_day, j.trajectory = False, None, "free"
                            j.usage_end_day = self.days + 1000
                    lead.update(
                        status="Qualified",
                        is_converted=True,
                        converted_account_id=account_id,
                        converted_contact_id=contact_id,
                        converted_opportunity_id=opp_id,
                        converted_date=self.at(opp_day),
                        last_modified_date=self.at(opp_day),
                    )
                else:
                    lead.update(status="Qualified", last_modified_date=self.at(qualify_day))
        if lead is not None:
            modified = min(lead["last_modified_date"], self.load_time - timedelta(hours=1))
            lead.update(last_modified_date=modified, _fivetran_synced=self.synced(modified))
            self.rows["lead"].add(**lead)
            self._maybe_deleted_duplicate_lead(lead)
        return won_day

    # ------------------------------------------------------------------ billing
    def _subscription(self, c: Company, j: Journey, won_day: int | None) -> None:
        rnd = self.rnd
        p = won_day if won_day is not None else j.purchase_day
        j.purchase_day = p
        founder = c.people[0]
        if not j.sales_led:
            self._emit_single(
                self.at(p), founder.user_code, founder.anon_codes[0], c.group_code, v.EVENT_CHECKOUT
            )
        if j.sales_led or rnd.random() < 0.5:
            account_id = self._crm_account(
                c, p + (0 if j.sales_led else rnd.randint(1, 10)), "Customer"
            )
            self._set_account_type(c, "Customer", p)
            if not j.sales_led:
                self._crm_contact(
                    c,
                    account_id,
                    founder.email,
                    founder.first,
                    founder.last,
                    min(self.days - 1, p + 2),
                )
        if j.annual:
            price_id = "price_business_annual" if c.employees >= 500 else "price_team_annual"
        else:
            price_id = "price_team_monthly" if c.employees >= 10 else "price_starter_monthly"
        unit_amount = next(a for pid, _, a, _ in v.PRICES if pid == price_id)
        members_at_purchase = sum(1 for person in c.people if person.join_day <= p + 14)
        seats = max(3, int(members_at_purchase * rnd.uniform(1.15, 1.6)) + rnd.randint(0, 2))
        customer_id = self.ids.stripe("cus")
        created = self.at(p)
        billing_email = founder.email
        if not c.uses_free_mail and rnd.random() < 0.15:
            billing_email = f"billing@{c.domain}"
        metadata = {"workspace_id": c.group_id}
        if c.sf_account_id:
            metadata["salesforce_account_id"] = c.sf_account_id
        sub_id = self.ids.stripe("sub")

        # Walk the subscription period by period, recording every version.
        versions: list[dict] = []
        state = dict(
            status="active",
            quantity=seats,
            cancel_at_period_end=False,
            canceled_at=None,
            ended_at=None,
        )
        period_start = p
        period_len = 365 if j.annual else 30
        grow_next = p + rnd.randint(40, 90) if j.trajectory == "grow" else None
        failures_in_row = 0
        delinquent = False
        day_cursor = p
        end_day: int | None = None
        while period_start < self.days:
            period_end = period_start + period_len
            versions.append(
                dict(state, start_day=day_cursor, period_start=period_start, period_end=period_end)
            )
            invoice_paid = self._invoice(
                c, j, customer_id, sub_id, period_start, period_end, state["quantity"] * unit_amount
            )
            failures_in_row = 0 if invoice_paid else failures_in_row + 1
            delinquent = not invoice_paid
            if not invoice_paid and failures_in_row >= 2:
                state.update(
                    status="unpaid" if rnd.random() < 0.5 else "canceled",
                    ended_at=period_start + 20,
                )
                end_day = period_start + 20
                versions.append(
                    dict(
                        state,
                        start_day=period_start + 20,
                        period_start=period_start,
                        period_end=period_end,
                    )
                )
                break
            if not invoice_paid:
                state["status"] = "past_due"
                versions.append(
                    dict(
                        state,
                        start_day=period_start + 3,
                        period_start=period_start,
                        period_end=period_end,
                    )
                )
                state["status"] = "active"
            while grow_next is not None and grow_next < min(period_end, self.days):
                members = sum(
                    1 for person in c.people if person.join_day <= grow_next < person.leave_day
                )
                if members >= state["quantity"] * 0.85:
                    state["quantity"] += rnd.choice([2, 5, 5, 10])
                    versions.append(
                        dict(
                            state,
                            start_day=grow_next,
                            period_start=period_start,
                            period_end=period_end,
                        )
                    )
                    self._expansion_opportunity(c, grow_next)
                grow_next += rnd.randint(30, 80)
            request = j.cancel_request_day
            if request is not None and period_start <= request < period_end:
                state.update(cancel_at_period_end=True, canceled_at=request)
                versions.append(
                    dict(state, start_day=request, period_start=period_start, period_end=period_end)
                )
                if period_end < self.days:
                    state.update(status="canceled", ended_at=period_end)
                    versions.append(
                        dict(
                            state,
                            start_day=period_end,
                            period_start=period_start,
                            period_end=period_end,
                        )
                    )
                    end_day = period_end
                break
            if j.annual and period_end - 90 < self.days and c.sf_account_id:
                self._renewal_opportunity(c, period_end, renews=True)
            period_start = period_end
            day_cursor = period_start
        if end_day is not None:
            j.end_day = end_day
            j.usage_end_day = min(j.usage_end_day, end_day + rnd.randint(0, 10))
            self._set_account_type(c, "Former Customer", end_day)
            if j.annual and c.sf_account_id and j.cancel_request_day is not None:
                self._renewal_opportunity(c, end_day, renews=False)

        if j.trajectory in ("grow", "steady") and c.sf_account_id:
            self._referrers.append((p + 60, c.sf_account_id))
        self._write_subscription_versions(sub_id, customer_id, p, j, versions)
        current = versions[-1]
        self.rows["subscription_item"].add(
            id=self.ids.stripe("si"),
            subscription_id=sub_id,
            plan_id=price_id,
            quantity=current["quantity"],
            created=self.at(p),
            _fivetran_synced=self.synced(self.at(current["start_day"])),
        )
        self.rows["customer"].add(
            id=customer_id,
            email=self.messy_email(billing_email, 0.04),
            name=c.name,
            metadata=json.dumps(metadata),
            delinquent=delinquent,
            created=created,
            livemode=True,
            is_deleted=False,
            _fivetran_synced=self.synced(created),
        )

    def _write_subscription_versions(
        self, sub_id: str, customer_id: str, p: int, j: Journey, versions: list[dict]
    ) -> None:
        table = self.rows["subscription_history"]
        open_end = datetime(9999, 12, 31, 23, 59, 59)
        versions = [ver for ver in versions if ver["start_day"] < self.days]
        for i, ver in enumerate(versions):
            start = self.at(ver["start_day"], 1.0 + i * 0.001)
            is_last = i == len(versions) - 1
            end = (
                open_end
                if is_last
                else self.at(versions[i + 1]["start_day"], 1.0 + (i + 1) * 0.001)
            )
            table.add(
                id=sub_id,
                customer_id=customer_id,
                status=ver["status"],
                quantity=ver["quantity"],
                start_date=self.at(p, 0),
                current_period_start=self.at(ver["period_start"], 0),
                current_period_end=self.at(ver["period_end"], 0),
                cancel_at_period_end=ver["cancel_at_period_end"],
                canceled_at=self.at(ver["canceled_at"]) if ver["canceled_at"] is not None else None,
                ended_at=self.at(ver["ended_at"], 0) if ver["ended_at"] is not None else None,
                trial_start=self.at(j.signup_day, 0) if not j.sales_led else None,
                trial_end=self.at(j.signup_day + TRIAL_DAYS, 0) if not j.sales_led else None,
                created=self.at(p, 0),
                livemode=True,
                _fivetran_active=is_last,
                _fivetran_start=start,
                _fivetran_end=end,
                _fivetran_synced=self.synced(start),
            )

    def _invoice(
        self,
        c: Company,
        j: Journey,
        customer_id: str,
        sub_id: str,
        period_start: int,
        period_end: int,
        amount: int,
    ) -> bool:
        """One invoice and its charge attempts; returns whether it ended up paid."""
        rnd = self.rnd
        if period_start >= self.days:
            return True
        in_trouble = (
            j.decline_day is not None and period_start >= j.decline_day
        ) or j.trajectory == "early_churn"
        fail_p = 0.35 if in_trouble else 0.04
        invoice_id = self.ids.stripe("in")
        created = self.at(period_start, 2.0)
        attempts, paid_day, paid_at = 0, None, None
        for attempt in range(4):
            day = period_start + attempt * 3
            if day >= self.days:
                break
            attempts += 1
            failed = rnd.random() < (fail_p if attempt == 0 else fail_p * 0.8)
            charge_id = self.ids.stripe("ch")
            charged = self.at(day, 3.0 + attempt)
            self.rows["charge"].add(
                id=charge_id,
                customer_id=customer_id,
                invoice_id=invoice_id,
                amount=amount,
                amount_refunded=0,
                currency="usd",
                status="failed" if failed else "succeeded",
                paid=not failed,
                failure_code=rnd.choice(v.CHARGE_FAILURE_CODES) if failed else None,
                created=charged,
                livemode=True,
                _fivetran_synced=self.synced(charged),
            )
            if not failed:
                paid_day, paid_at = day, charged
                dispute_p = 0.03 if in_trouble else 0.002
                if rnd.random() < dispute_p:
                    self._dispute(charge_id, amount, day)
                break
        written_off_day = period_start + 12
        if paid_day is not None:
            status = "paid"
        elif written_off_day < self.days:
            status = "uncollectible"
        else:
            status = "open"
        modified = self.at(
            paid_day if paid_day is not None else min(self.days - 1, period_start + 9)
        )
        written_off_at = None
        if status == "uncollectible":
            written_off_at = modified = self.at(written_off_day, 9.0)
        self.rows["invoice"].add(
            id=invoice_id,
            customer_id=customer_id,
            subscription_id=sub_id,
            status=status,
            amount_due=amount,
            amount_paid=amount if paid_day is not None else 0,
            currency="usd",
            attempt_count=attempts,
            period_start=self.at(period_start, 0),
            period_end=self.at(period_end, 0),
            due_date=self.at(period_start + 7, 0),
            created=created,
            status_transitions_paid_at=paid_at,
            status_transitions_marked_uncollectible_at=written_off_at,
            livemode=True,
            is_deleted=False,
            _fivetran_synced=self.synced(modified),
        )
        return status != "uncollectible"

    def _dispute(self, charge_id: str, amount: int, day: int) -> None:
        rnd = self.rnd
        opened = day + rnd.randint(5, 60)
        if opened >= self.days:
            return
        age = self.days - opened
        status = (
            rnd.choice(["needs_response", "under_review", "warning_needs_response"])
            if age < 30
            else rnd.choice(["won", "lost", "lost"])
        )
        created = self.at(opened)
        self.rows["dispute"].add(
            id=self.ids.stripe("dp"),
            charge_id=charge_id,
            amount=amount,
            currency="usd",
            reason=rnd.choice(v.DISPUTE_REASONS),
            status=status,
            created=created,
            livemode=True,
            _fivetran_synced=self.synced(created + timedelta(days=min(age, 20))),
        )

    def _renewal_opportunity(self, c: Company, renewal_day: int, *, renews: bool) -> None:
        opened = renewal_day - 90
        if opened >= self.days - 1 or opened < 0 or c.sf_account_id is None:
            return
        self._opportunity(
            c,
            c.sf_account_id,
            opened,
            win_p=1.0 if renews else 0.0,
            stall_p=0.0,
            forced_close=renewal_day,
            opp_type="Renewal",
        )

    def _expansion_opportunity(self, c: Company, day: int) -> None:
        if c.sf_account_id and day - 20 > 0:
            self._opportunity(
                c,
                c.sf_account_id,
                day - 20,
                win_p=1.0,
                stall_p=0.0,
                forced_close=day,
                opp_type="Expansion",
            )

    # ------------------------------------------------------------------ product usage
    def _usage_events(self, c: Company, j: Journey, curve: np.ndarray) -> None:
        rng = self.rng
        days = np.arange(self.days)
        for person in c.people:
            if person.user_code < 0:
                continue
            end = min(person.leave_day, j.usage_end_day, self.days)
            active = (days > person.join_day) & (days < end)
            expected = person.rate * self.activity * curve * self._weekday * active
            counts = rng.poisson(expected)
            total = int(counts.sum())
            if total:
                day_of_event = np.repeat(days, counts)
                self._append_events(
                    person, c, day_of_event, rng.choice(_ROUTINE_CODES, total, p=_ROUTINE_P)
                )
            # Gated features: free workspaces that outgrow the free plan, growing customers.
            gated_rate = 0.0
            if j.trajectory == "grow":
                gated_rate = 0.012
            elif j.trajectory == "free" and person is c.people[0]:
                gated_rate = 0.03
            if gated_rate:
                if j.purchase_day is not None:
                    active = active & (days > j.purchase_day + 60)
                g = rng.poisson(gated_rate * curve * active)
                if g.sum():
                    gated_days = np.repeat(days, g)
                    self._append_events(
                        person,
                        c,
                        gated_days,
                        np.full(len(gated_days), EVENT_CODE[v.EVENT_FEATURE_GATED], dtype=np.int16),
                    )

    def _append_events(
        self, person: Person, c: Company, day_of_event: np.ndarray, codes: np.ndarray
    ) -> None:
        rng = self.rng
        n = len(day_of_event)
        hours = np.clip(rng.normal(14.0, 3.5, n), 0, 23.99)
        base = int((datetime.combine(self.start, datetime.min.time()) - EPOCH).total_seconds())
        ts = base + day_of_event.astype(np.int64) * 86400 + (hours * 3600).astype(np.int64)
        anon_choices = np.array(person.anon_codes, dtype=np.int32)
        self.events.append(
            ts=ts,
            user=np.full(n, person.user_code, dtype=np.int32),
            anon=anon_choices[rng.integers(0, len(anon_choices), n)],
            group=np.full(n, c.group_code, dtype=np.int32),
            event=codes.astype(np.int16),
        )
        self.n_events += n

    # ------------------------------------------------------------------ support
    def _support(self, c: Company, j: Journey, curve: np.ndarray) -> None:
        rng = self.rng
        if j.no_email_signup:
            return
        days = np.arange(self.days)
        users_active = np.zeros(self.days)
        for person in c.people:
            users_active += (days >= person.join_day) & (
                days < min(person.leave_day, j.usage_end_day)
            )
        rate = 0.0035 * np.minimum(users_active, 12) * (curve > 0)
        if j.decline_day is not None:
            rate = np.where(days >= j.decline_day - 20, rate * 5 + 0.03, rate)
        if j.trajectory == "early_churn":
            rate = rate * 3
        counts = rng.poisson(rate)
        for day in np.repeat(days, counts):
            self._ticket(c, j, int(day))

    def _zendesk_org(self, c: Company, day: int) -> int:
        if c.zendesk_org_id is not None:
            return c.zendesk_org_id
        c.zendesk_org_id = self.zendesk_id()
        created = self.at(day)
        self.rows["organization"].add(
            id=c.zendesk_org_id,
            name=c.name,
            external_id=c.sf_account_id,
            created_at=created,
            updated_at=created,
            _fivetran_synced=self.synced(created),
        )
        if not c.uses_free_mail:
            self.rows["domain_name"].add(
                organization_id=c.zendesk_org_id,
                index=0,
                domain_name=c.domain,
                _fivetran_synced=self.synced(created),
            )
        return c.zendesk_org_id

    def _zendesk_requester(self, c: Company, day: int) -> int:
        rnd = self.rnd
        org_id = self._zendesk_org(c, day)
        if not c.uses_free_mail and rnd.random() < 0.1:
            email = f"support@{c.domain}"
            for person in c.people:
                if person.email == email and person.zendesk_user_id:
                    return person.zendesk_user_id
            shared = Person("Shared", "Inbox", email, None, [], day, self.days, 0.0)
            c.people.append(shared)
            person = shared
        else:
            members = [p for p in c.people if p.user_id and p.join_day <= day]
            person = rnd.choice(members) if members else c.people[0]
        if person.zendesk_user_id is None:
            person.zendesk_user_id = self.zendesk_id()
            created = self.at(day)
            deleted = rnd.random() < 0.01
            self.rows["user"].add(
                id=person.zendesk_user_id,
                email=self.messy_email(person.email, 0.04),
                name=f"{person.first} {person.last}",
                organization_id=org_id,
                external_id=person.user_id if rnd.random() < 0.7 else None,
                role="end-user",
                active=not deleted,
                created_at=created,
                updated_at=created,
                _fivetran_deleted=deleted,
                _fivetran_synced=self.synced(created),
            )
        return person.zendesk_user_id

    def _ticket(self, c: Company, j: Journey, day: int) -> None:
        rnd = self.rnd
        requester = self._zendesk_requester(c, day)
        troubled = j.decline_day is not None and day >= j.decline_day - 20
        resolution = rnd.expovariate(1 / (9.0 if troubled else 2.5))
        if rnd.random() < (0.08 if troubled else 0.01):
            resolution = 10_000  # parked on hold or forgotten
        created = self.at(day)
        solved_day = day + resolution
        history = self.rows["ticket_field_history"]
        ticket_id = self.zendesk_id()
        agent = rnd.choice(self.agents)
        history.add(
            ticket_id=ticket_id,
            field_name="status",
            value="new",
            user_id=requester,
            updated=created,
            _fivetran_synced=self.synced(created),
        )
        age = self.days - day
        if solved_day < self.days:
            solved_at = self.at(solved_day)
            status = "closed" if self.days - solved_day > 4 else "solved"
            history.add(
                ticket_id=ticket_id,
                field_name="status",
                value="solved",
                user_id=agent,
                updated=solved_at,
                _fivetran_synced=self.synced(solved_at),
            )
            history.add(
                ticket_id=ticket_id,
                field_name="satisfaction_score",
                value="offered",
                user_id=agent,
                updated=solved_at,
                _fivetran_synced=self.synced(solved_at),
            )
            if rnd.random() < 0.45 and solved_day + 1 < self.days:
                rated = solved_at + timedelta(hours=rnd.randint(1, 30))
                bad_p = 0.55 if troubled else 0.08
                history.add(
                    ticket_id=ticket_id,
                    field_name="satisfaction_score",
                    value="bad" if rnd.random() < bad_p else "good",
                    user_id=requester,
                    updated=rated,
                    _fivetran_synced=self.synced(rated),
                )
            updated = solved_at
        else:
            status = rnd.choice(["open", "pending", "hold"]) if age > 1 else "new"
            updated = self.at(self.days - 1 if age > 1 else day)
        deleted = rnd.random() < 0.01
        priority = rnd.choices(
            ["low", "normal", "high", "urgent", None],
            weights=[0.2, 0.5, 0.15, 0.1 if not troubled else 0.3, 0.05],
        )[0]
        self.rows["ticket"].add(
            id=ticket_id,
            requester_id=requester,
            organization_id=c.zendesk_org_id,
            status="deleted" if deleted else status,
            priority=priority,
            type=rnd.choice(["question", "incident", "problem", "task"]),
            subject=rnd.choice(v.TICKET_SUBJECTS),
            via_channel=rnd.choice(v.TICKET_CHANNELS),
            created_at=created,
            updated_at=updated,
            _fivetran_deleted=deleted,
            _fivetran_synced=self.synced(updated),
        )

    # ------------------------------------------------------------------ NPS
    def _nps(self, c: Company, j: Journey, curve: np.ndarray) -> None:
        rnd = self.rnd
        for quarter_start in range(0, self.days, 91):
            for person in c.people:
                if person.user_code < 0 or rnd.random() > 0.22:
                    continue
                day = quarter_start + rnd.randint(0, 90)
                if (
                    day >= self.days
                    or curve[day] <= 0
                    or not (person.join_day < day < person.leave_day)
                ):
                    continue
                if j.decline_day is not None and day >= j.decline_day - 30:
                    score = rnd.choices(range(11), weights=[3, 3, 4, 5, 6, 7, 6, 3, 2, 1, 1])[0]
                elif j.trajectory == "grow":
                    score = rnd.choices(range(11), weights=[0, 0, 0, 0, 1, 1, 2, 4, 8, 10, 10])[0]
                else:
                    score = rnd.choices(range(11), weights=[1, 1, 1, 1, 2, 3, 4, 8, 9, 6, 4])[0]
                raw_score = str(score)
                if rnd.random() < 0.01:
                    raw_score = rnd.choice(["N/A", "11", "", "ten"])
                ts = self.at(day)
                index = self._emit_single(
                    ts, person.user_code, person.anon_codes[0], c.group_code, v.EVENT_NPS
                )
                self.nps_event_index.append(index)
                self.rows["nps_survey_submitted"].add(
                    anonymous_id=person.anon_ids[0],
                    user_id=person.user_id,
                    context_group_id=c.group_id,
                    score=raw_score,
                    timestamp=ts,
                    received_at=ts + timedelta(seconds=rnd.uniform(0.2, 4)),
                )

    # ------------------------------------------------------------------ internal
    def _simulate_internal(self, index: int) -> None:
        """The vendor's own QA and demo workspaces: real-looking, never customers."""
        rnd = self.rnd
        c = Company(
            index=index,
            name=["Orbit QA", "Orbit Demo", "Orbit Sales Sandbox"][index % 3],
            domain=v.VENDOR_DOMAIN,
            industry="Software",
            employees=200,
            country="United States",
            region="North America",
            fit=3,
            uses_free_mail=False,
            is_internal=True,
            first_touch_day=rnd.randint(0, 60),
        )
        j = Journey(
            signup_day=c.first_touch_day,
            activation_day=0,
            trajectory="internal",
            usage_end_day=self.days + 1000,
        )
        self._first_visit_anon = self.ids.uuid()
        self._signup(c, j)
        for k in range(4):
            person = self._new_person(c, c.first_touch_day + k + 1)
            person.email = f"test+{index}.{k}@{v.VENDOR_DOMAIN}"
            self._join_product(c, person, person.join_day, no_email=False, founder=False)
        curve = np.ones(self.days) * 0.5
        curve[: c.first_touch_day] = 0
        self._usage_events(c, j, curve)
        self.rows["lead"].add(
            id=self.ids.salesforce("00Q"),
            email=f"test@{v.VENDOR_DOMAIN}",
            first_name="Test",
            last_name="Lead",
            company=c.name,
            status="Open - Not Contacted",
            lead_source="Product Signup",
            is_converted=False,
            owner_id=self.reps[0],
            created_date=self.at(c.first_touch_day),
            last_modified_date=self.at(c.first_touch_day),
            is_deleted=False,
            _fivetran_synced=self.synced(self.at(c.first_touch_day)),
        )
        customer_id = self.ids.stripe("cus")
        created = self.at(c.first_touch_day)
        self.rows["customer"].add(
            id=customer_id,
            email=f"billing+test@{v.VENDOR_DOMAIN}",
            name=c.name,
            metadata=json.dumps({"workspace_id": c.group_id}),
            delinquent=False,
            created=created,
            livemode=False,
            is_deleted=False,
            _fivetran_synced=self.synced(created),
        )
        for k in range(5):
            charged = self.at(c.first_touch_day + 5 * k)
            self.rows["charge"].add(
                id=self.ids.stripe("ch"),
                customer_id=customer_id,
                amount=100,
                amount_refunded=0,
                currency="usd",
                status="succeeded",
                paid=True,
                created=charged,
                livemode=False,
                _fivetran_synced=self.synced(charged),
            )

    def _stale_leads(self, n: int) -> None:
        """Old leads nobody ever worked: the walk-away clock runs on them."""
        rnd = self.rnd
        for _ in range(n):
            day = rnd.randint(0, 120)
            created = self.at(day)
            first, last = rnd.choice(v.FIRST_NAMES), rnd.choice(v.LAST_NAMES)
            company = f"{rnd.choice(v.COMPANY_PREFIXES)} {rnd.choice(v.COMPANY_SUFFIXES)}"
            domain = company.replace(" ", "").lower() + ".com"
            self.rows["lead"].add(
                id=self.ids.salesforce("00Q"),
                email=f"{first}.{last}@{domain}".lower(),
                first_name=first,
                last_name=last,
                company=company,
                website=f"https://{domain}",
                status=rnd.choice(["Open - Not Contacted", "Working - Contacted"]),
                lead_source=rnd.choice(["Event", "Purchased List"]),
                is_converted=False,
                owner_id=rnd.choice(self.reps),
                created_date=created,
                last_modified_date=created,
                is_deleted=False,
                _fivetran_synced=self.synced(created),
            )
