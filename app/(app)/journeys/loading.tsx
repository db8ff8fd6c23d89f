import { CardSkeleton } from "@/components/ui/skeleton";

export default function JourneysLoading() {
  return (
    <div className="stack" aria-busy="true">
      <CardSkeleton lines={2} />
      <div className="grid-2">
        <CardSkeleton />
        <CardSkeleton />
      </div>
    </div>
  );
}
