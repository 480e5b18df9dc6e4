import { Briefcase, Columns3, LayoutDashboard, MessagesSquare, Users, type LucideIcon } from "lucide-react";

export type NavItem = { href: string; key: "dashboard" | "interviews" | "compare" | "jobs" | "candidates" | "campaigns" | "configurations" | "settings"; icon: LucideIcon };

// Part 2 of the console adds Jobs, Candidates, Campaigns, Configurations and Settings here as
// their pages land; a link is listed only once its page exists.
export const NAV_ITEMS: NavItem[] = [
  { href: "/", key: "dashboard", icon: LayoutDashboard },
  { href: "/interviews", key: "interviews", icon: MessagesSquare },
  { href: "/compare", key: "compare", icon: Columns3 },
  { href: "/jobs", key: "jobs", icon: Briefcase },
  { href: "/candidates", key: "candidates", icon: Users },
];

export const isActive = (pathname: string, href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));

