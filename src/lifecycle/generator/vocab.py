"""Word lists and fixed business vocabulary of the generated world."""

from __future__ import annotations

# The fictional vendor whose warehouse this is: its own staff and test accounts use
# this domain, and the identity guard rails must keep them out of customer data.
VENDOR_DOMAIN = "orbit-hq.com"

COMPANY_PREFIXES = [
    "North",
    "Blue",
    "Bright",
    "Cedar",
    "Clear",
    "Copper",
    "Crest",
    "Delta",
    "Eagle",
    "Ember",
    "Fern",
    "Granite",
    "Harbor",
    "Iron",
    "Juniper",
    "Keystone",
    "Lake",
    "Lumen",
    "Maple",
    "Meridian",
    "Nimbus",
    "Oak",
    "Orchid",
    "Pacific",
    "Peak",
    "Pine",
    "Quarry",
    "Red",
    "River",
    "Sage",
    "Silver",
    "Slate",
    "Solar",
    "Spruce",
    "Stone",
    "Summit",
    "Tidal",
    "Timber",
    "Vale",
    "Vertex",
    "West",
    "Willow",
    "Zephyr",
    "Aurora",
    "Beacon",
    "Canyon",
    "Drift",
    "Falcon",
    "Glacier",
    "Horizon",
]
COMPANY_CORES = [
    "wind",
    "bridge",
    "field",
    "stone",
    "light",
    "path",
    "wave",
    "point",
    "gate",
    "forge",
    "line",
    "works",
    "craft",
    "leaf",
    "spark",
    "ridge",
    "shore",
    "bay",
    "rock",
    "star",
]
COMPANY_SUFFIXES = [
    "Labs",
    "Logistics",
    "Health",
    "Analytics",
    "Systems",
    "Partners",
    "Capital",
    "Software",
    "Studio",
    "Group",
    "Foods",
    "Energy",
    "Robotics",
    "Media",
    "Bank",
    "Clinic",
    "Supply",
    "Legal",
    "Ventures",
    "Networks",
]
TLDS = [".com", ".com", ".com", ".io", ".co", ".de", ".co.uk", ".fr", ".ai", ".net"]

FIRST_NAMES = [
    "Ada",
    "Alex",
    "Amara",
    "Ana",
    "Ben",
    "Bruno",
    "Carla",
    "Chen",
    "Dana",
    "David",
    "Elena",
    "Emma",
    "Farah",
    "Felix",
    "Grace",
    "Hana",
    "Hugo",
    "Ines",
    "Ivan",
    "Jade",
    "James",
    "Jonas",
    "Julia",
    "Kai",
    "Kenji",
    "Lara",
    "Leo",
    "Lina",
    "Lucas",
    "Maya",
    "Marco",
    "Maria",
    "Mateo",
    "Mia",
    "Nadia",
    "Noah",
    "Nora",
    "Olga",
    "Omar",
    "Paula",
    "Pedro",
    "Priya",
    "Rafael",
    "Rosa",
    "Sam",
    "Sara",
    "Sofia",
    "Tariq",
    "Tom",
    "Uma",
    "Victor",
    "Wei",
    "Yara",
    "Yusuf",
    "Zoe",
]
LAST_NAMES = [
    "Adams",
    "Alvarez",
    "Baker",
    "Bauer",
    "Brown",
    "Chen",
    "Costa",
    "Dubois",
    "Evans",
    "Fischer",
    "Garcia",
    "Gupta",
    "Hansen",
    "Ito",
    "Jensen",
    "Kim",
    "Klein",
    "Kowalski",
    "Lopez",
    "Martin",
    "Meyer",
    "Moreau",
    "Nakamura",
    "Novak",
    "Okafor",
    "Olsen",
    "Patel",
    "Perez",
    "Rossi",
    "Santos",
    "Schmidt",
    "Silva",
    "Singh",
    "Smith",
    "Suzuki",
    "Tanaka",
    "Taylor",
    "Wagner",
    "Walker",
    "Wang",
    "Weber",
    "Wilson",
    "Young",
    "Zhang",
]

FREE_MAIL_DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com"]
ROLE_LOCAL_PARTS = ["info", "sales", "support", "admin", "billing", "hello", "team"]

INDUSTRIES = [
    "Software",
    "Financial Services",
    "Healthcare",
    "Professional Services",
    "Manufacturing",
    "Retail",
    "Education",
    "Media",
    "Logistics",
    "Non-Profit",
]
COUNTRIES = {
    "North America": ["United States", "Canada"],
    "Europe": ["Germany", "United Kingdom", "France", "Netherlands", "Spain", "Sweden"],
    "APAC": ["Australia", "Japan", "Singapore", "India"],
    "LATAM": ["Brazil", "Mexico", "Argentina"],
}
REGION_WEIGHTS = {"North America": 0.42, "Europe": 0.33, "APAC": 0.15, "LATAM": 0.10}

# Ideal customer profile used to shape who converts; the dbt project reads its own
# copy of these criteria from the icp_criteria seed.
ICP_INDUSTRIES = {"Software", "Financial Services", "Healthcare", "Professional Services"}
ICP_REGIONS = {"North America", "Europe"}
ICP_MIN_EMPLOYEES = 50
ICP_MAX_EMPLOYEES = 2000

# Product event taxonomy: name -> (weight among routine events, is_core).
ROUTINE_EVENTS = {
    "Logged In": (0.20, False),
    "Dashboard Viewed": (0.17, True),
    "Task Completed": (0.20, True),
    "Comment Added": (0.12, True),
    "File Uploaded": (0.08, True),
    "Report Generated": (0.06, True),
    "Project Created": (0.03, True),
    "Integration Connected": (0.01, True),
    "Settings Updated": (0.05, False),
    "Search Performed": (0.08, False),
}
EVENT_SIGNED_UP = "Signed Up"
EVENT_TRIAL_STARTED = "Trial Started"
EVENT_PROJECT_CREATED = "Project Created"
EVENT_MEMBER_INVITED = "Team Member Invited"
EVENT_DEMO_REQUESTED = "Demo Requested"
EVENT_CONTACT_SALES = "Contact Sales Clicked"
EVENT_PRICING_VIEWED = "Pricing Page Viewed"
EVENT_FEATURE_GATED = "Feature Gated"
EVENT_CHECKOUT = "Checkout Completed"
EVENT_NPS = "NPS Survey Submitted"
EVENT_SIGNUP_STARTED = "Signup Started"

MARKETING_PATHS = [
    "/",
    "/pricing",
    "/features",
    "/customers",
    "/blog/lifecycle-metrics",
    "/blog/onboarding-checklist",
    "/integrations",
    "/security",
    "/docs/getting-started",
]
CAMPAIGN_SOURCES = [
    ("google", "cpc"),
    ("linkedin", "paid_social"),
    ("newsletter", "email"),
    ("g2", "referral"),
    (None, None),
    (None, None),
    (None, None),
]

OPPORTUNITY_STAGES = [
    ("Prospecting", 10.0),
    ("Discovery", 20.0),
    ("Demo", 40.0),
    ("Proposal", 60.0),
    ("Negotiation", 80.0),
]
CLOSED_WON = ("Closed Won", 100.0)
CLOSED_LOST = ("Closed Lost", 0.0)

# Stripe prices: id, nickname, unit amount in cents per seat, interval.
PRICES = [
    ("price_starter_monthly", "Starter (monthly)", 1500, "month"),
    ("price_team_monthly", "Team (monthly)", 3000, "month"),
    ("price_team_annual", "Team (annual)", 30000, "year"),
    ("price_business_annual", "Business (annual)", 60000, "year"),
]
TEST_PRICE = ("price_test_plan", "Internal test plan", 100, "month")

TICKET_SUBJECTS = [
    "Cannot invite teammates",
    "Export to CSV fails",
    "Billing question",
    "SSO setup help",
    "Integration keeps disconnecting",
    "Slow dashboards",
    "How do I archive a project?",
    "Charged twice this month",
    "Feature request: API",
    "Data missing from report",
    "Password reset not arriving",
    "Cancel my subscription",
]
TICKET_CHANNELS = ["email", "web", "chat", "api"]
CHARGE_FAILURE_CODES = ["card_declined", "insufficient_funds", "expired_card", "processing_error"]
DISPUTE_REASONS = ["fraudulent", "product_not_received", "subscription_canceled", "duplicate"]
