// GET /api/backlog/roadmap — planned backlog items by target quarter, with each passed item's measure before and after
import { route } from "@/lib/api/route";
import { getRoadmap } from "@/lib/targets/queries";

export const GET = route({ access: "viewer" }, async () => getRoadmap());
